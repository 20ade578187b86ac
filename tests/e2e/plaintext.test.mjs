// No plaintext leaves the vault except in the files the person explicitly saved.
//
// The app runs with every place it may write (ALLIA_DATA_DIR, HOME, the XDG dirs,
// TMPDIR) inside the test's workspace. Every kind of record gets a distinctive string,
// the app's flows run (profile, alliance, partners, an imported alliance file, a
// document with an edited clause, its PDF export, « Ouvrir pour imprimer », a
// signature, the settings, lock and unlock, « Sauvegarder vers… » and a restore, a
// close, a relaunch), and the private print folder is checked on the way. Once the app
// has quit, every file of the workspace except the save dir (the files the person chose
// to write) is scanned for those strings, as UTF-8 and as UTF-16LE (WebKit keeps some
// data in UTF-16), raw bytes, nothing decompressed; no PDF may lie outside the save dir.
// So are the files created or changed meanwhile in /tmp, /var/tmp, /dev/shm, the real
// home's cache, data and config dirs, and the app's log (its stderr).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  readlinkSync,
  realpathSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { before, describe, it } from 'node:test';

import {
  ARTIFACTS,
  appSession,
  makeWorkspace,
  step,
  useDriver,
  waitForAppExit,
} from './harness.mjs';
import { page } from './ui.mjs';

const PASSPHRASE = 'salamandre pensive sous le pont de Tours';

/**
 * Every distinctive string typed or imported. Each holds « Zorglub- » (« zorglub- » in
 * the e-mail address and the keyword): the scan looks for that marker, which appears in
 * no file of the app (the strength meter's password dictionary has « zorglub », never
 * followed by a hyphen), so a truncated copy is caught too.
 */
const S = {
  profileName: 'Zorglub-Profil-7Q',
  profileStreet: '12 rue Zorglub-Rue-4M',
  profileCity: 'Zorglub-Ville-2H',
  representative: 'Zorglub-Représentant-4D',
  representativeRole: 'Zorglub-Fonction-1P',
  profileEmail: 'zorglub-courriel-6w@exemple.fr',
  alliance: 'Zorglub-Alliance-3K',
  alliancePurpose: 'Zorglub-Objet-5R, mutualiser la comptabilité.',
  allianceTerritory: 'Zorglub-Territoire-8N',
  partner1: 'Zorglub-Partenaire-1A',
  partner1Street: '4 place Zorglub-Adresse-9B',
  partner1City: 'Zorglub-Commune-3C',
  partner1Representative: 'Zorglub-Délégué-5E',
  partner1Resources: 'Zorglub-Ressources-6T, une salle et un véhicule.',
  partner1Tag: 'zorglub-motclé-2b',
  partner2: 'Zorglub-Partenaire-2F',
  partner2Street: '8 chemin Zorglub-Adresse-7G',
  partner2Resources: 'Zorglub-Ressources-0K, deux bénévoles.',
  imported: 'Zorglub-Importée-4V',
  importedPurpose: 'Zorglub-ObjetImporté-6L',
  importedPartner: 'Zorglub-PartenaireImporté-9W',
  importedStreet: '1 allée Zorglub-AdresseImportée-3Z',
  importedRepresentative: 'Zorglub-SignataireImporté-8Y',
  importedResources: 'Zorglub-RessourcesImportées-5U',
  document: 'Zorglub-Document-6J',
  clause: 'Zorglub-Clause-8X, la présente convention a pour objet la mutualisation.',
  place: 'Zorglub-Lieu-5C',
  signatory: 'Zorglub-Signataire-2S',
};
/** What the scan looks for: the common prefix, as typed and in capitals (a template may shout a title). */
const MARKERS = ['Zorglub-', 'zorglub-', 'ZORGLUB-'];
const NEEDLES = MARKERS.flatMap((marker) => [
  { marker, encoding: 'UTF-8', bytes: Buffer.from(marker, 'utf8') },
  { marker, encoding: 'UTF-16LE', bytes: Buffer.from(marker, 'utf16le') },
]);
for (const value of Object.values(S)) {
  assert.ok(MARKERS.some((marker) => value.includes(marker)), `« ${value} » carries the scan's marker`);
}

/**
 * The file « chosen » in the open dialog (ALLIA_E2E_OPEN_FILE is read once, when the app
 * starts): the test puts there the alliance file to import, later the backup to restore.
 */
const CHOSEN_FILE = 'fichier-choisi';
/** The app's identifier (tauri.conf.json): its folder name under the XDG dirs. */
const APP_ID = 'fr.allia.desktop';

const workspace = makeWorkspace();
const dirs = {
  home: join(workspace.root, 'home'),
  data: join(workspace.root, 'xdg-data'),
  cache: join(workspace.root, 'xdg-cache'),
  config: join(workspace.root, 'xdg-config'),
  state: join(workspace.root, 'xdg-state'),
  runtime: join(workspace.root, 'xdg-runtime'),
  tmp: join(workspace.root, 'tmp'),
};
for (const dir of Object.values(dirs)) mkdirSync(dir, { mode: 0o700 });
const printDir = join(dirs.cache, APP_ID, 'impression');
const backupsDir = join(workspace.dataDir, 'backups');
const chosenFile = join(workspace.saveDir, CHOSEN_FILE);
// The app reads this instead of showing the open dialog (inherited through tauri-driver).
process.env.ALLIA_E2E_OPEN_FILE = chosenFile;

/** Outside the workspace: where a write that escaped the redirection would land. */
const OUTSIDE = ['/tmp', '/var/tmp', '/dev/shm', ...['.cache', '.local', '.config'].map((d) => join(homedir(), d))];
const LOG = join(ARTIFACTS, 'tauri-driver.log');

let outsideBefore;
let logStart = 0;
before(() => {
  outsideBefore = listOutside();
  logStart = existsSync(LOG) ? statSync(LOG).size : 0;
});
// Registered after the hook above, so the driver starts once the outside folders are listed.
const driver = useDriver(workspace, {
  env: {
    HOME: dirs.home,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    XDG_CONFIG_HOME: dirs.config,
    XDG_STATE_HOME: dirs.state,
    XDG_RUNTIME_DIR: dirs.runtime,
    TMPDIR: dirs.tmp,
  },
});

// ---------------------------------------------------------------------------------------
// Files: walking, listing, scanning.

/** Every regular file under `dir` (symbolic links not followed), except under `skip`. */
function* walk(dir, skip = []) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // unreadable or gone: nothing of the app's there
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (skip.some((s) => path === s || path.startsWith(s + sep))) continue;
    if (entry.isDirectory()) yield* walk(path, skip);
    else if (entry.isFile()) yield path;
  }
}

/** path → "inode:size:mtime" for every file outside the workspace that the app could reach. */
function listOutside() {
  const listing = new Map();
  for (const root of OUTSIDE) {
    for (const path of walk(root, [workspace.root])) {
      try {
        const info = lstatSync(path);
        listing.set(path, `${info.ino}:${info.size}:${info.mtimeMs}`);
      } catch {
        // removed while listing
      }
    }
  }
  return listing;
}

/**
 * Files this test's own output goes to (stdout and stderr of the test process and of the
 * runner that started it, when redirected to a file): failure messages quote the
 * strings, and they are not the app's.
 */
function ownOutput() {
  const own = new Set();
  for (const pid of [process.pid, process.ppid]) {
    for (const fd of [1, 2]) {
      try {
        own.add(realpathSync(`/proc/${pid}/fd/${fd}`));
      } catch {
        // a pipe or a terminal, or not Linux
      }
    }
  }
  return own;
}

/** Bytes read at a time by the scan. */
const CHUNK = 8 * 1024 * 1024;

/** Printable text around a hit, for the report. */
function around(buffer, at, encoding) {
  const start = Math.max(0, at - 48);
  const slice = buffer.subarray(start, Math.min(buffer.length, at + 96));
  const text = encoding === 'UTF-16LE' ? slice.subarray(slice.length % 2).toString('utf16le') : slice.toString('utf8');
  return text.replace(/[^\p{L}\p{N}\p{P}\p{Zs}]/gu, '·');
}

/**
 * Every occurrence of a marker in the file's raw bytes, from `from` on, read in chunks
 * that overlap by a needle's length (a hit across two chunks is found once).
 */
function scanFile(path, from = 0) {
  const hits = [];
  let fd;
  try {
    fd = openSync(path, 'r');
  } catch {
    return hits;
  }
  try {
    const size = fstatSync(fd).size;
    const overlap = Math.max(...NEEDLES.map((n) => n.bytes.length)) - 1;
    const chunk = Buffer.alloc(CHUNK + overlap);
    let kept = 0;
    let position = from;
    while (position < size) {
      const read = readSync(fd, chunk, kept, CHUNK, position);
      if (read === 0) break;
      const view = chunk.subarray(0, kept + read);
      const base = position - kept;
      for (const needle of NEEDLES) {
        for (let at = view.indexOf(needle.bytes); at !== -1; at = view.indexOf(needle.bytes, at + 1)) {
          // Found in the previous round already (inside the overlap, wholly)?
          if (at + needle.bytes.length <= kept) continue;
          hits.push({ path, offset: base + at, encoding: needle.encoding, context: around(view, at, needle.encoding) });
        }
      }
      position += read;
      kept = Math.min(overlap, view.length);
      view.copyWithin(0, view.length - kept);
    }
  } finally {
    closeSync(fd);
  }
  return hits;
}

function describeHits(hits) {
  return hits.map((h) => `  ${h.path} @ ${h.offset} (${h.encoding}): ${h.context}`).join('\n');
}

const mode = (path) => statSync(path).mode & 0o777;
const octal = (m) => `0${m.toString(8)}`;
const printFiles = () => (existsSync(printDir) ? readdirSync(printDir) : []);
const backups = () =>
  existsSync(backupsDir) ? readdirSync(backupsDir).filter((name) => name.endsWith('.allia-sauvegarde')) : [];

/** Processes running the app binary (Linux: /proc). */
function appPids() {
  const app = realpathSync(process.env.ALLIA_APP ?? '');
  return readdirSync('/proc').filter((pid) => {
    try {
      return /^\d+$/.test(pid) && readlinkSync(`/proc/${pid}/exe`) === app;
    } catch {
      return false;
    }
  });
}

/**
 * Sends WM_DELETE_WINDOW to every top-level X11 window of process `pid`, as a window
 * manager's close button does (Xvfb runs none). Python's ctypes talks to libX11: no
 * extra package. Prints the number of windows asked.
 */
const CLOSE_WINDOWS_PY = `
import ctypes, ctypes.util, sys
x = ctypes.cdll.LoadLibrary(ctypes.util.find_library('X11'))
P, W, L = ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER
x.XOpenDisplay.restype, x.XOpenDisplay.argtypes = P, [ctypes.c_char_p]
x.XDefaultRootWindow.restype, x.XDefaultRootWindow.argtypes = W, [P]
x.XInternAtom.restype, x.XInternAtom.argtypes = W, [P, ctypes.c_char_p, ctypes.c_int]
x.XQueryTree.argtypes = [P, W, L(W), L(W), L(L(W)), L(ctypes.c_uint)]
x.XGetWindowProperty.argtypes = [P, W, W, ctypes.c_long, ctypes.c_long, ctypes.c_int, W,
                                 L(W), L(ctypes.c_int), L(W), L(W), L(P)]
x.XFlush.argtypes = [P]
class ClientMessage(ctypes.Structure):
    _fields_ = [('type', ctypes.c_int), ('serial', W), ('send_event', ctypes.c_int), ('display', P),
                ('window', W), ('message_type', W), ('format', ctypes.c_int), ('l', ctypes.c_long * 5)]
class Event(ctypes.Union):
    _fields_ = [('xclient', ClientMessage), ('pad', ctypes.c_long * 24)]
x.XSendEvent.argtypes = [P, W, ctypes.c_int, ctypes.c_long, L(Event)]
d = x.XOpenDisplay(None)
if not d:
    sys.exit('no X display')
pid_atom = x.XInternAtom(d, b'_NET_WM_PID', 0)
protocols = x.XInternAtom(d, b'WM_PROTOCOLS', 0)
delete = x.XInternAtom(d, b'WM_DELETE_WINDOW', 0)
root, parent, count, children = W(), W(), ctypes.c_uint(), L(W)()
x.XQueryTree(d, x.XDefaultRootWindow(d), ctypes.byref(root), ctypes.byref(parent),
             ctypes.byref(children), ctypes.byref(count))
asked = 0
for i in range(count.value):
    window = children[i]
    kind, size, items, left, data = W(), ctypes.c_int(), W(), W(), P()
    if x.XGetWindowProperty(d, window, pid_atom, 0, 1, 0, 6, ctypes.byref(kind), ctypes.byref(size),
                            ctypes.byref(items), ctypes.byref(left), ctypes.byref(data)) != 0:
        continue
    if items.value != 1 or ctypes.cast(data, L(W))[0] != int(sys.argv[1]):
        continue
    event = Event()
    event.xclient.type, event.xclient.window = 33, window  # ClientMessage
    event.xclient.message_type, event.xclient.format = protocols, 32
    event.xclient.l[0] = delete
    x.XSendEvent(d, window, 0, 0, ctypes.byref(event))
    asked += 1
x.XFlush(d)
print(asked)
`;

function closeWindowsOf(pid) {
  return Number(execFileSync('python3', ['-c', CLOSE_WINDOWS_PY, String(pid)], { encoding: 'utf8' }).trim());
}

/** Whether `closeWindowsOf` can work here. */
function canCloseWindows() {
  if (process.platform !== 'linux' || !process.env.DISPLAY) return false;
  try {
    execFileSync('python3', ['-c', "import ctypes.util, sys; sys.exit(0 if ctypes.util.find_library('X11') else 1)"]);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------
// The app's flows.

/**
 * A step that runs only when `available()` says the UI offers it (a feature being
 * built at the same time), else is reported as skipped with `why`.
 */
function stepIf(scenario, name, available, why, fn) {
  it(name, { timeout: 90_000 }, async (t) => {
    if (scenario.failed) {
      t.skip('an earlier step failed');
      return;
    }
    try {
      if (!(await available())) {
        t.skip(why);
        return;
      }
      await fn();
    } catch (error) {
      scenario.failed = true;
      throw error;
    }
  });
}

async function unlock(app) {
  const ui = page(app.browser);
  await ui.fill('unlock-passphrase', PASSPHRASE);
  await ui.click('unlock-submit');
  await ui.waitForGone('unlock-passphrase');
  await ui.shown('lock-button');
}

describe('aucun texte en clair hors des fichiers enregistrés', () => {
  const app = appSession();

  step(app, 'crée le coffre ; le dossier d’impression est privé et vide', async () => {
    const ui = page(app.browser);
    await ui.createVault(PASSPHRASE);
    assert.ok(existsSync(printDir), `${printDir} is created at start`);
    assert.equal(octal(mode(printDir)), '0700', 'the print folder is owner-only');
    assert.deepEqual(printFiles(), [], 'the print folder is empty at start');
  });

  step(app, "renseigne le profil de l'association", async () => {
    const ui = page(app.browser);
    await ui.click('settings-menu');
    await ui.click('menu-profile');
    const profile = {
      name: S.profileName,
      street: S.profileStreet,
      postalCode: '37000',
      city: S.profileCity,
      representativeName: S.representative,
      representativeRole: S.representativeRole,
      email: S.profileEmail,
    };
    for (const [field, value] of Object.entries(profile)) await ui.fill(`profile-${field}`, value);
    await ui.click('profile-save');
    await ui.shown('profile-saved');
  });

  step(app, 'crée une alliance', async () => {
    const ui = page(app.browser);
    await ui.click('new-alliance');
    await ui.fill('alliance-name', S.alliance);
    await ui.fill('alliance-purpose', S.alliancePurpose);
    await ui.fill('alliance-territory', S.allianceTerritory);
    await ui.click('alliance-save');
    await ui.shown('nav-area-partenaires');
  });

  step(app, 'ajoute deux partenaires, adresses et ressources comprises', async () => {
    const ui = page(app.browser);
    await ui.click('nav-area-partenaires');
    const partners = [
      {
        name: S.partner1,
        street: S.partner1Street,
        postalCode: '37100',
        city: S.partner1City,
        representativeName: S.partner1Representative,
        resources: S.partner1Resources,
        tags: S.partner1Tag,
      },
      { name: S.partner2, street: S.partner2Street, resources: S.partner2Resources },
    ];
    for (const [index, partner] of partners.entries()) {
      await ui.click('add-partner');
      for (const [field, value] of Object.entries(partner)) await ui.fill(`partner-${field}`, value);
      await ui.click('partner-save');
      await ui.waitForCount('partner-row', index + 1);
      assert.equal((await ui.withText('partner-row', partner.name)).length, 1, `a row for « ${partner.name} »`);
    }
  });

  step(app, 'exporte l’alliance (fichier enregistré : il peut tout contenir)', async () => {
    const ui = page(app.browser);
    await ui.click('nav-area-alliance');
    await ui.click('alliance-export');
    await ui.shown('alliance-exported');
  });

  step(app, 'rédige une convention et réécrit une clause', async () => {
    const ui = page(app.browser);
    await ui.click('nav-area-documents');
    await ui.click('new-document');
    await ui.choose('document-kind', 'Convention de partenariat');
    await ui.fill('document-title', S.document);
    await ui.click('document-create');
    await ui.waitForCount('document-item', 1);
    await ui.shown('document-preview');
    await ui.click('clause-edit-objet');
    // The clause editor (ClauseEditor.svelte) holds text and chips: select all, delete, type the new text.
    await ui.click('clause-text');
    await app.browser.keys(['Control', 'a']);
    await app.browser.keys('Backspace');
    await app.browser.$('[data-testid="clause-text"]').addValue(S.clause);
    await ui.click('clause-save');
    await ui.waitForGone('clause-text');
    await ui.fill('document-settings-place', S.place);
    await ui.click('document-settings-save');
    await app.browser.waitUntil(
      async () => {
        const preview = await ui.text('document-preview');
        return preview.includes(S.clause) && preview.includes(S.place);
      },
      { timeoutMsg: 'the preview should show the edited clause and the place' },
    );
  });

  step(app, 'exporte en PDF (fichier enregistré : il peut tout contenir)', async () => {
    const ui = page(app.browser);
    await ui.click('document-export-pdf');
    await ui.shown('document-exported');
    const pdf = join(workspace.saveDir, readdirSync(workspace.saveDir).find((n) => n.endsWith('.pdf')) ?? 'missing.pdf');
    await app.browser.waitUntil(() => existsSync(pdf) && statSync(pdf).size > 0, { timeoutMsg: 'no PDF in the save dir' });
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.ok(text.includes(S.document), 'the exported PDF holds the title (the allowed exception)');
  });

  step(app, 'ouvre pour imprimer : un PDF au nom aléatoire dans le dossier privé', async () => {
    const ui = page(app.browser);
    await ui.click('document-print');
    let files = [];
    await app.browser.waitUntil(() => (files = printFiles()).length === 1, {
      timeoutMsg: `one file should appear in ${printDir} (saw ${files.join(', ') || 'none'})`,
    });
    const [name] = files;
    assert.match(name, /^[0-9a-f]{32}\.pdf$/, 'a random name that says nothing of the contract');
    const file = join(printDir, name);
    await app.browser.waitUntil(() => statSync(file).size > 0, { timeoutMsg: `${file} stays empty` });
    assert.equal(octal(mode(file)), '0600', 'the printed PDF is owner-only');
    assert.equal(octal(mode(printDir)), '0700', 'the print folder is owner-only');
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.ok(text.includes(S.document), 'it is the document');
    // No PDF viewer under Xvfb: the app may say so in French; the file was written first.
    await app.browser.pause(500);
    if (await ui.isShown('document-error')) assert.match(await ui.text('document-error'), /lecteur de PDF/);
  });

  step(app, 'enregistre une signature', async () => {
    const ui = page(app.browser);
    for (const status of ['En relecture', 'Prêt à signer']) {
      await ui.click('document-status-next');
      // Blanks left (« [à compléter] »): « Prêt à signer » asks for a confirmation first.
      if (status === 'Prêt à signer') {
        await app.browser.waitUntil(
          async () => (await ui.el('confirm-ready').isExisting()) || (await ui.text('document-status')).includes(status),
          { timeoutMsg: 'the step should be taken or asked for' },
        );
        if (await ui.el('confirm-ready').isExisting()) await ui.click('confirm-ready');
      }
      await app.browser.waitUntil(async () => (await ui.text('document-status')).includes(status), {
        timeoutMsg: `the status should read « ${status} »`,
      });
    }
    const [name] = await app.browser.$$('[data-testid="signature-name"]');
    await name.clearValue();
    await name.addValue(S.signatory);
    await ui.fillDate('signature-date', '2026-12-03');
    const [save] = await app.browser.$$('[data-testid="signature-save"]');
    await save.click();
    await app.browser.waitUntil(async () => (await ui.text('document-signatures')).includes(S.signatory), {
      timeoutMsg: 'the signature should be listed',
    });
  });

  step(app, 'importe un fichier d’alliance reçu d’un partenaire', async () => {
    const ui = page(app.browser);
    const organisation = (fields) => ({
      name: '',
      acronym: null,
      legalForm: null,
      rna: null,
      siret: null,
      street: null,
      postalCode: null,
      city: null,
      representativeName: null,
      representativeRole: null,
      email: null,
      phone: null,
      ...fields,
    });
    const file = {
      format: 1,
      profile: null,
      alliance: {
        name: S.imported,
        purpose: S.importedPurpose,
        territory: null,
        startDate: null,
        status: 'active',
      },
      partners: [
        {
          organisation: organisation({
            name: S.importedPartner,
            street: S.importedStreet,
            representativeName: S.importedRepresentative,
          }),
          actorType: 'association',
          role: 'member',
          resources: S.importedResources,
          resourceTags: [],
        },
      ],
    };
    writeFileSync(chosenFile, JSON.stringify(file, null, 2));
    await ui.click('import-alliance');
    await ui.waitForCount('alliance-item', 2);
    await ui.click('nav-area-partenaires');
    await ui.waitForCount('partner-row', 1);
    assert.equal((await ui.withText('partner-row', S.importedPartner)).length, 1);
  });

  step(app, 'enregistre les paramètres', async () => {
    const ui = page(app.browser);
    await ui.click('settings-menu');
    await ui.click('menu-settings');
    await ui.fill('settings-autolock', '45');
    await ui.click('settings-save');
    await ui.shown('settings-saved');
  });

  step(app, 'verrouille : dossier d’impression vidé, sauvegarde automatique chiffrée', async () => {
    const ui = page(app.browser);
    const before = new Set(backups());
    await ui.click('lock-button');
    await ui.shown('unlock-passphrase');
    await app.browser.waitUntil(() => printFiles().length === 0, {
      timeoutMsg: `${printDir} should be emptied on lock (holds ${printFiles().join(', ')})`,
    });
    let made = [];
    await app.browser.waitUntil(() => (made = backups().filter((name) => !before.has(name))).length > 0, {
      timeoutMsg: `locking after changes should write a backup in ${backupsDir}`,
    });
    for (const name of made) {
      assert.equal(octal(mode(join(backupsDir, name))), '0600', `${name} is owner-only`);
    }
  });

  step(app, 'déverrouille et retrouve les données', async () => {
    const ui = page(app.browser);
    await unlock(app);
    await app.browser.waitUntil(async () => (await ui.withText('alliance-item', S.alliance)).length === 1, {
      timeoutMsg: `« ${S.alliance} » should be listed after unlocking`,
    });
  });

  stepIf(
    app,
    'sauvegarde vers un fichier puis restaure ce fichier après en avoir vu le contenu',
    async () => {
      const ui = page(app.browser);
      await ui.click('settings-menu');
      await ui.click('menu-settings');
      await ui.shown('settings-autolock');
      return ui.isShown('settings-backups');
    },
    'Paramètres › Sauvegardes is not in this build of the UI',
    async () => {
      const ui = page(app.browser);
      await ui.click('backup-save-as');
      await ui.shown('backup-saved');
      const saved = readdirSync(workspace.saveDir).filter((name) => name.endsWith('.allia-sauvegarde'));
      assert.equal(saved.length, 1, `one backup saved in ${workspace.saveDir}`);
      copyFileSync(join(workspace.saveDir, saved[0]), chosenFile);
      const before = new Set(backups());
      await ui.click('backup-restore-from');
      await ui.shown('backup-chosen');
      await app.browser.waitUntil(async () => (await ui.text('backup-preview')).includes(S.alliance), {
        timeoutMsg: `the preview should name « ${S.alliance} »`,
      });
      await ui.click('backup-restore-submit');
      await ui.click('confirm-restore');
      await ui.shown('main-notice');
      assert.match(await ui.text('main-notice'), /restaurée/);
      assert.ok(
        backups().some((name) => !before.has(name)),
        'the vault as it was is kept as a backup before the restore',
      );
      await app.browser.waitUntil(async () => (await ui.withText('alliance-item', S.alliance)).length === 1, {
        timeoutMsg: `« ${S.alliance} » should be listed after the restore`,
      });
    },
  );

  stepIf(
    app,
    'imprime de nouveau puis ferme la fenêtre : le dossier est vidé à la sortie',
    () => canCloseWindows(),
    'closing the window as a window manager does needs Linux, X11 and python3 (ctypes, libX11)',
    async () => {
      const ui = page(app.browser);
      await ui.clickText('alliance-item', S.alliance);
      await ui.click('nav-area-documents');
      await ui.clickText('document-item', S.document);
      await ui.click('document-print');
      await app.browser.waitUntil(() => printFiles().length === 1, { timeoutMsg: `no file in ${printDir}` });
      // As a person quits: the window manager asks the window to close, the app runs
      // its exit path. (Ending the WebDriver session would kill the process instead.)
      const pids = appPids();
      assert.ok(pids.length > 0, 'the app runs');
      const asked = pids.reduce((sum, pid) => sum + closeWindowsOf(pid), 0);
      assert.ok(asked > 0, 'the app has a window to close');
      await waitForAppExit(30_000);
      assert.deepEqual(printFiles(), [], `${printDir} should be emptied on exit`);
    },
  );
});

describe('relance après un arrêt brutal', () => {
  // A PDF left behind (the app killed while printing): it goes as soon as the app starts.
  const leftover = join(printDir, `${'0'.repeat(32)}.pdf`);
  before(() => {
    mkdirSync(printDir, { recursive: true, mode: 0o700 });
    writeFileSync(leftover, '%PDF-1.7 reste d’une impression', { mode: 0o600 });
  });
  const app = appSession();

  step(app, 'vide le dossier d’impression au démarrage', async () => {
    const ui = page(app.browser);
    await ui.shown('unlock-passphrase');
    assert.equal(existsSync(leftover), false, `${leftover} should be removed at start`);
    assert.deepEqual(printFiles(), []);
  });
});

describe('après la fermeture', () => {
  before(async () => {
    // The driver and WebKitWebDriver gone too: nothing writes any more.
    await driver.stop();
  });

  it('les fichiers du coffre et des sauvegardes sont réservés à leur propriétaire', () => {
    const files = [join(workspace.dataDir, 'allia.vault'), join(workspace.dataDir, 'allia.vault.keys')];
    files.push(...backups().map((name) => join(backupsDir, name)));
    assert.ok(backups().length > 0, 'at least one automatic backup exists');
    for (const file of files) assert.equal(octal(mode(file)), '0600', `${file} is owner-only`);
  });

  it('l’app écrit dans les dossiers redirigés', () => {
    // Proof that the redirection took: otherwise the scan below would look in the wrong place.
    assert.ok(existsSync(join(dirs.data, APP_ID)), 'WebKit keeps its data under XDG_DATA_HOME');
    assert.ok(existsSync(printDir), 'the print folder is under XDG_CACHE_HOME');
    if (canCloseWindows()) {
      // Written when the window closed (the step that closes it runs where it can).
      assert.ok(existsSync(join(dirs.config, APP_ID)), 'the window state is under XDG_CONFIG_HOME');
    }
  });

  it('le dossier d’impression est vide', () => {
    assert.deepEqual(printFiles(), []);
  });

  it('aucun PDF hors du dossier des fichiers enregistrés', () => {
    const pdfs = [];
    for (const path of walk(workspace.root, [workspace.saveDir])) {
      const fd = openSync(path, 'r');
      const head = Buffer.alloc(5);
      readSync(fd, head, 0, 5, 0);
      closeSync(fd);
      if (head.toString('latin1') === '%PDF-') pdfs.push(path);
    }
    assert.deepEqual(pdfs, [], 'a PDF outside the save dir is a plaintext copy');
  });

  it('le balayage trouve les chaînes, en UTF-8 comme en UTF-16LE, même à cheval sur deux blocs', () => {
    // The exception proves the scan: the exported alliance file holds the strings.
    const exported = readdirSync(workspace.saveDir).find((name) => name.endsWith('.alliance.json'));
    assert.ok(exported, 'the exported alliance file is in the save dir');
    assert.ok(scanFile(join(workspace.saveDir, exported)).length > 0, 'the scan finds the strings in a saved file');
    const probe = join(workspace.saveDir, 'sonde.bin');
    const utf16 = Buffer.from(S.representative, 'utf16le');
    const bytes = Buffer.alloc(CHUNK + 64);
    utf16.copy(bytes, CHUNK - 5); // across the first chunk's end
    writeFileSync(probe, bytes);
    const hits = scanFile(probe);
    assert.deepEqual(
      hits.map((h) => [h.offset, h.encoding]),
      [[CHUNK - 5, 'UTF-16LE']],
    );
  });

  it('aucune chaîne distinctive dans les fichiers de l’espace de travail (hors fichiers enregistrés)', () => {
    const scanned = [];
    const hits = [];
    for (const path of walk(workspace.root, [workspace.saveDir])) {
      scanned.push(relative(workspace.root, path));
      hits.push(...scanFile(path));
    }
    console.log(`# ${scanned.length} files scanned in ${workspace.root}:\n#   ${scanned.sort().join('\n#   ')}`);
    assert.ok(scanned.some((p) => p.startsWith(`data${sep}`)), 'the vault files are among those scanned');
    assert.equal(hits.length, 0, `plaintext outside the files the user saved:\n${describeHits(hits)}`);
  });

  it('aucune chaîne distinctive dans les fichiers créés ou modifiés ailleurs pendant le test', () => {
    const own = ownOutput();
    const changed = [...listOutside()]
      .filter(([path, id]) => outsideBefore.get(path) !== id && !own.has(path))
      .map(([path]) => path);
    const hits = changed.flatMap((path) => scanFile(path));
    console.log(`# ${changed.length} files created or changed outside the workspace during the test`);
    assert.equal(hits.length, 0, `plaintext outside the workspace:\n${describeHits(hits)}`);
  });

  it('aucune chaîne distinctive dans le journal de l’app', () => {
    assert.ok(existsSync(LOG), `${LOG} (the app's stdout and stderr) exists`);
    const hits = scanFile(LOG, logStart);
    assert.equal(hits.length, 0, `plaintext in the log:\n${describeHits(hits)}`);
  });
});
