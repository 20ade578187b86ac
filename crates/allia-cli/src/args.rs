//! The command line, described once for clap, with French help and French messages
//! for usage mistakes.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand};

/// Every help page's layout, with French headings (clap's own say « Usage: »).
const HELP_TEMPLATE: &str =
    "{before-help}{about-with-newline}\nUtilisation : {usage}\n\n{all-args}{after-help}";

/// Reads the command line with help pages in French: headings, and the `-h` and `-V`
/// flags' own lines (clap writes « Print help » and « Print version »).
///
/// # Errors
/// clap's error for a usage mistake, or its help or version to print (see
/// [`report_usage_error`]).
pub fn parse() -> Result<Cli, clap::Error> {
    let command = Cli::command()
        .disable_help_flag(true)
        .disable_version_flag(true)
        .help_template(HELP_TEMPLATE)
        .subcommand_help_heading("Commandes")
        .subcommand_value_name("COMMANDE")
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Affiche l’aide")
                .global(true),
        )
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Affiche la version"),
        )
        .mut_subcommands(|sub| sub.disable_help_flag(true).help_template(HELP_TEMPLATE));
    Cli::from_arg_matches(&command.try_get_matches()?)
}

#[derive(Debug, Parser)]
#[command(
    name = "allia",
    version,
    about = "Allia en ligne de commande : coffre, fichiers d’alliance et documents.",
    disable_help_subcommand = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Crée un coffre dans DIR et affiche une fois sa clé de récupération.
    Init {
        /// Dossier du coffre.
        #[arg(long, value_name = "DIR")]
        vault: PathBuf,
    },
    /// Ajoute au coffre l’alliance d’exemple du guide, ou avec --scale une grande alliance d’essai, ou avec --indicators une grande évaluation d’essai.
    Demo {
        /// Dossier du coffre.
        #[arg(long, value_name = "DIR")]
        vault: PathBuf,
        /// Crée à la place une alliance de N acteurs (300 sans valeur, 500 au plus) avec environ 3,3 liens par acteur, pour essayer la cartographie à grande échelle ; la même à chaque fois.
        #[arg(long, value_name = "N", num_args = 0..=1, default_missing_value = "300")]
        scale: Option<usize>,
        /// Crée à la place une alliance d’essai dont l’évaluation compte N indicateurs (1 à 1 000, par exemple 60), sur des objectifs stratégiques de 10 indicateurs, chacun mesuré à la fin de chaque mois (voir --months), pour essayer l’évaluation à grande échelle ; les mêmes chiffres à chaque fois.
        #[arg(long, value_name = "N", conflicts_with = "scale")]
        indicators: Option<usize>,
        /// Avec --indicators : nombre de mois de mesures de chaque indicateur (1 à 120, 12 par défaut ; 60 pour cinq ans), jusqu’au 30 novembre 2026.
        #[arg(long, value_name = "M", requires = "indicators")]
        months: Option<usize>,
    },
    /// Rouvre le coffre avec la clé de récupération du kit (même sans allia.vault.keys) et enregistre une nouvelle phrase de passe.
    Recover {
        /// Dossier du coffre.
        #[arg(long, value_name = "DIR")]
        vault: PathBuf,
    },
    /// Crée un nouveau kit de récupération : l’ancien n’ouvrira plus le coffre (il ouvre encore les sauvegardes faites avant).
    NewKit {
        /// Dossier du coffre.
        #[arg(long, value_name = "DIR")]
        vault: PathBuf,
    },
    /// Liste les alliances du coffre avec leur identifiant.
    List {
        /// Dossier du coffre.
        #[arg(long, value_name = "DIR")]
        vault: PathBuf,
    },
    /// Écrit une alliance, ses partenaires et le profil dans un fichier JSON.
    Export {
        /// Dossier du coffre.
        #[arg(long, value_name = "DIR")]
        vault: PathBuf,
        /// L’alliance, par son identifiant ou son nom (allia list les affiche).
        #[arg(long, value_name = "ID|NOM")]
        alliance: String,
        /// Fichier d’alliance à écrire (refusé s’il existe déjà, sauf avec --force).
        #[arg(long, value_name = "FICHIER")]
        out: PathBuf,
        /// Remplace le fichier --out s’il existe déjà.
        #[arg(long)]
        force: bool,
        /// Chiffre le fichier avec une phrase de passe (format age ; variable ALLIA_EXPORT_PASSPHRASE ou saisie), par exemple --out alliance.alliance.age.
        #[arg(long)]
        encrypt: bool,
    },
    /// Ajoute au coffre l’alliance d’un fichier JSON (format 1 ou 2).
    Import {
        /// Dossier du coffre.
        #[arg(long, value_name = "DIR")]
        vault: PathBuf,
        /// Fichier d’alliance JSON (format 1 ou 2), chiffré ou non.
        #[arg(long, value_name = "FICHIER")]
        input: PathBuf,
        #[command(flatten)]
        reading: ReadingFlags,
        /// Met à jour l’alliance du coffre qui a l’identifiant du fichier (les versions figées ou signées ne changent pas).
        #[arg(long, conflicts_with = "copy")]
        update: bool,
        /// Importe le fichier comme une nouvelle alliance distincte, avec de nouveaux identifiants.
        #[arg(long)]
        copy: bool,
    },
    /// Affiche les différences entre un fichier d’alliance et une alliance du coffre, sans rien modifier.
    Diff {
        /// Fichier d’alliance JSON.
        #[arg(value_name = "FICHIER")]
        file: PathBuf,
        /// Dossier du coffre.
        #[arg(long, value_name = "DIR")]
        vault: PathBuf,
        /// L’alliance, par son identifiant ou son nom (allia list les affiche).
        #[arg(long, value_name = "ID|NOM")]
        alliance: String,
        #[command(flatten)]
        reading: ReadingFlags,
    },
    /// Vérifie un fichier d’alliance sans rien importer : affiche chaque problème avec sa place dans le fichier.
    Validate {
        /// Fichier d’alliance JSON.
        #[arg(value_name = "FICHIER")]
        file: PathBuf,
    },
    /// Produit un document (PDF ou DOCX) à partir d’un fichier d’alliance ou du coffre.
    Render {
        /// Fichier d’alliance JSON (à la place de --vault et --alliance) : son document
        /// de ce type s’il en porte un (le plus récemment modifié s’il en porte plusieurs).
        #[arg(long, value_name = "FICHIER", conflicts_with_all = ["vault", "alliance"])]
        input: Option<PathBuf>,
        /// Dossier du coffre (avec --alliance).
        #[arg(long, value_name = "DIR", requires = "alliance")]
        vault: Option<PathBuf>,
        /// L’alliance, par son identifiant ou son nom (allia list les affiche).
        #[arg(long, value_name = "ID|NOM", requires = "vault")]
        alliance: Option<String>,
        /// convention, charte, consortium, diagnostic (le diagnostic interne, en PDF),
        /// dossier (le dossier de présentation du projet, en PDF) ou evaluation (le rapport
        /// d’évaluation, en PDF ou en Word, depuis le coffre).
        #[arg(long, value_name = "DOCUMENT")]
        document: String,
        /// Version enregistrée du document (la dernière par défaut).
        #[arg(long, value_name = "N")]
        version: Option<u32>,
        /// Fichier produit : .pdf ou .docx.
        #[arg(long, value_name = "FICHIER")]
        out: PathBuf,
        /// Lieu de signature (« Fait à … »), à la place de celui du document et de l’alliance.
        #[arg(long, value_name = "LIEU")]
        place: Option<String>,
        /// Date de signature, AAAA-MM-JJ (par exemple 2027-03-03) ; pour le rapport
        /// d’évaluation, sa date (aujourd’hui par défaut).
        #[arg(long, value_name = "AAAA-MM-JJ")]
        date: Option<String>,
        /// Nombre d’exemplaires originaux (1 à 50).
        #[arg(long, value_name = "N")]
        copies: Option<u32>,
        /// Tribunal compétent (par exemple « tribunal judiciaire de Tours »).
        #[arg(long, value_name = "TRIBUNAL")]
        court: Option<String>,
        #[command(flatten)]
        reading: ReadingFlags,
    },
    /// Écrit les mesures de l’évaluation d’une alliance dans un fichier CSV pour tableur (UTF-8, « ; », virgule décimale, dates JJ/MM/AAAA), le même que « Exporter les mesures (CSV) » de l’application ; avec --indicators, son tableau des indicateurs.
    MeasurementsExport {
        /// Dossier du coffre.
        #[arg(long, value_name = "DIR")]
        vault: PathBuf,
        /// L’alliance, par son identifiant ou son nom (allia list les affiche).
        #[arg(long, value_name = "ID|NOM")]
        alliance: String,
        /// Fichier CSV à écrire (refusé s’il existe déjà, sauf avec --force).
        #[arg(long, value_name = "FICHIER")]
        out: PathBuf,
        /// Remplace le fichier --out s’il existe déjà.
        #[arg(long)]
        force: bool,
        /// Écrit à la place le tableau des indicateurs (une ligne par indicateur, avec sa dernière valeur et son statut du jour) ; ce tableau ne se réimporte pas.
        #[arg(long)]
        indicators: bool,
    },
    /// Importe dans une alliance les mesures d’un fichier CSV (celui de measurements-export, complété dans un tableur) : tout ou rien, chaque erreur avec sa ligne et sa colonne ; les lignes déjà enregistrées sont laissées de côté.
    MeasurementsImport {
        /// Dossier du coffre.
        #[arg(long, value_name = "DIR")]
        vault: PathBuf,
        /// L’alliance, par son identifiant ou son nom (allia list les affiche).
        #[arg(long, value_name = "ID|NOM")]
        alliance: String,
        /// Fichier CSV de mesures (colonnes Indicateur ou Identifiant de l’indicateur, Date, Valeur…).
        #[arg(long, value_name = "FICHIER", alias = "file")]
        input: PathBuf,
        /// Vérifie le fichier et affiche ce qui serait importé, sans rien écrire dans le coffre.
        #[arg(long)]
        dry_run: bool,
    },
    /// Écrit une sauvegarde du coffre dans FICHIER, un nouveau fichier hors du dossier du coffre (elle s’ouvre avec la phrase de passe actuelle ou le kit de récupération).
    Backup {
        /// Dossier du coffre.
        #[arg(long, value_name = "DIR")]
        vault: PathBuf,
        #[arg(long, value_name = "FICHIER")]
        out: PathBuf,
    },
    /// Restaure une sauvegarde après en avoir montré le contenu ; le coffre actuel est d’abord gardé dans ses sauvegardes (DIR peut être un dossier neuf).
    Restore {
        /// Dossier du coffre.
        #[arg(long, value_name = "DIR")]
        vault: PathBuf,
        /// Fichier de sauvegarde à restaurer.
        #[arg(long, value_name = "FICHIER")]
        input: PathBuf,
        /// Restaure sans demander de confirmation.
        #[arg(long)]
        oui: bool,
    },
    /// Vérifie l’intégrité du coffre (PRAGMA quick_check et cipher_integrity_check).
    Check {
        /// Dossier du coffre.
        #[arg(long, value_name = "DIR")]
        vault: PathBuf,
    },
    /// Écrit le schéma JSON du fichier d’alliance.
    Schema {
        #[arg(long, value_name = "FICHIER")]
        out: Option<PathBuf>,
    },
}

/// How an alliance file is read by the commands that take one (`import`, `render
/// --input`): shared, so a new reading choice reaches them all.
#[derive(Debug, Default, Clone, clap::Args)]
pub struct ReadingFlags {
    /// Importe (ou produit le document) sans les champs que cette version d’Allia ne connaît pas : ils sont perdus.
    #[arg(long)]
    pub ignore_unknown: bool,
}

/// Prints clap's help and version as they are, and every usage mistake as one line of
/// French; returns the exit code.
pub fn report_usage_error(e: clap::Error) -> ExitCode {
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        // Printing help or the version is not a failure.
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    let arg = match e
        .get(ContextKind::InvalidArg)
        .or_else(|| e.get(ContextKind::InvalidSubcommand))
    {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        _ => String::new(),
    };
    let message = match e.kind() {
        ErrorKind::MissingRequiredArgument => format!("il manque un argument obligatoire : {arg}"),
        ErrorKind::UnknownArgument => format!("argument inconnu : {arg}"),
        ErrorKind::InvalidSubcommand => format!(
            "commande inconnue : {arg} (commandes : init, demo, recover, new-kit, list, export, import, diff, validate, render, measurements-export, measurements-import, backup, restore, check, schema)"
        ),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "indiquez une commande (init, demo, recover, new-kit, list, export, import, diff, validate, render, measurements-export, measurements-import, backup, restore, check, schema) ; « allia --help » les décrit."
                .to_string()
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => format!("valeur invalide pour {arg}"),
        ErrorKind::TooManyValues | ErrorKind::ArgumentConflict => format!("argument en trop : {arg}"),
        _ => "ligne de commande invalide ; « allia --help » décrit les commandes.".to_string(),
    };
    eprintln!("allia : {message}");
    ExitCode::from(2)
}
