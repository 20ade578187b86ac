//! Locks the vault when the desktop session is locked. On Linux the desktop says so on
//! D-Bus: the screen saver's `ActiveChanged(true)` on the session bus
//! (`org.freedesktop.ScreenSaver` for KDE, XFCE and others, `org.gnome.ScreenSaver` for
//! GNOME) and logind's `Lock` signal for our session on the system bus. On Windows and
//! macOS the session's state is polled (`allia_session`, every [`POLL`]).
//!
//! A missing bus (CI, containers, a desktop without D-Bus) or a platform that cannot
//! tell is normal: nothing is watched and nothing is logged; the auto-lock delay and
//! sleep detection still apply.

use tauri::AppHandle;

/// Starts watching for the session lock for the app's lifetime, on a background task;
/// each lock locks the vault like the auto-lock does (`LockCause::SessionLocked`).
#[cfg(target_os = "linux")]
pub fn spawn(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        let mut signals = linux::LockSignals::default();
        if let Some(session) = linux::connect(zbus::connection::Builder::session()).await {
            if let Ok(screen_saver) = linux::LockSignals::screen_saver(&session).await {
                signals.merge(screen_saver);
            }
        }
        if let Some(system) = linux::connect(zbus::connection::Builder::system()).await {
            if let Ok(logind) = linux::LockSignals::logind(&system, std::process::id()).await {
                signals.merge(logind);
            }
        }
        while signals.next_lock().await.is_some() {
            crate::autolock::lock_now(&app, crate::autolock::LockCause::SessionLocked).await;
        }
    });
}

/// How often Windows and macOS are asked whether the screen is locked: a locked screen
/// locks the vault within this delay, and a call costs microseconds.
#[cfg(not(target_os = "linux"))]
const POLL: std::time::Duration = std::time::Duration::from_secs(2);

/// Starts polling the session's lock state for the app's lifetime, on a background
/// task; each new lock locks the vault like the auto-lock does
/// (`LockCause::SessionLocked`).
#[cfg(not(target_os = "linux"))]
pub fn spawn(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        let mut edges = allia_session::LockEdges::new();
        loop {
            let reading = tauri::async_runtime::spawn_blocking(allia_session::screen_locked)
                .await
                .ok()
                .flatten();
            if edges.observe(reading) {
                crate::autolock::lock_now(&app, crate::autolock::LockCause::SessionLocked).await;
            }
            tokio::time::sleep(POLL).await;
        }
    });
}

#[cfg(target_os = "linux")]
mod linux {
    use std::future::poll_fn;
    use std::pin::Pin;
    use std::task::Poll;
    use std::time::Duration;

    use zbus::export::futures_core::Stream;
    use zbus::message::Type;
    use zbus::zvariant::OwnedObjectPath;
    use zbus::{Connection, MatchRule, Message, MessageStream};

    /// The screen saver interfaces whose `ActiveChanged(bool)` says the screen locked.
    pub const SCREEN_SAVER_INTERFACES: [&str; 2] =
        ["org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver"];
    const LOGIND: &str = "org.freedesktop.login1";
    const LOGIND_SESSION: &str = "org.freedesktop.login1.Session";
    /// A bus that does not answer within this delay is treated as absent.
    const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

    /// Where a lock came from.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum LockSource {
        /// `ActiveChanged(true)` from a screen saver on the session bus.
        ScreenSaver,
        /// logind's `Lock` for our session on the system bus.
        Logind,
    }

    /// Connects with `builder` (session, system or a given address); `None` when there
    /// is no such bus or it does not answer in time.
    pub async fn connect(
        builder: zbus::Result<zbus::connection::Builder<'_>>,
    ) -> Option<Connection> {
        let builder = builder.ok()?;
        tokio::time::timeout(CONNECT_TIMEOUT, builder.build())
            .await
            .ok()?
            .ok()
    }

    /// The subscriptions that tell of a session lock. The match rules are in place on
    /// the bus once built: a signal sent after that is seen.
    #[derive(Default)]
    pub struct LockSignals {
        streams: Vec<(LockSource, MessageStream)>,
    }

    impl LockSignals {
        /// Subscribes to the screen savers' `ActiveChanged` on `session` (any sender
        /// and path: implementations differ, and a forged signal can only lock).
        pub async fn screen_saver(session: &Connection) -> zbus::Result<LockSignals> {
            let mut streams = Vec::new();
            for interface in SCREEN_SAVER_INTERFACES {
                let rule = MatchRule::builder()
                    .msg_type(Type::Signal)
                    .interface(interface)?
                    .member("ActiveChanged")?
                    .build();
                streams.push((
                    LockSource::ScreenSaver,
                    MessageStream::for_match_rule(rule, session, None).await?,
                ));
            }
            Ok(LockSignals { streams })
        }

        /// Subscribes to logind's `Lock` for the session of process `pid` on `system`.
        /// Fails when logind does not know that process (not in a session, no logind).
        pub async fn logind(system: &Connection, pid: u32) -> zbus::Result<LockSignals> {
            let reply = system
                .call_method(
                    Some(LOGIND),
                    "/org/freedesktop/login1",
                    Some("org.freedesktop.login1.Manager"),
                    "GetSessionByPID",
                    &pid,
                )
                .await?;
            let path: OwnedObjectPath = reply.body().deserialize()?;
            let rule = MatchRule::builder()
                .msg_type(Type::Signal)
                .sender(LOGIND)?
                .path(path)?
                .interface(LOGIND_SESSION)?
                .member("Lock")?
                .build();
            let stream = MessageStream::for_match_rule(rule, system, None).await?;
            Ok(LockSignals {
                streams: vec![(LockSource::Logind, stream)],
            })
        }

        /// Adds `other`'s subscriptions to these.
        pub fn merge(&mut self, other: LockSignals) {
            self.streams.extend(other.streams);
        }

        /// Waits for the next signal saying the session locked; `None` once every bus
        /// is gone (or there was none).
        pub async fn next_lock(&mut self) -> Option<LockSource> {
            poll_fn(|cx| {
                let mut index = 0;
                while index < self.streams.len() {
                    let (source, stream) = &mut self.streams[index];
                    match Pin::new(stream).poll_next(cx) {
                        Poll::Ready(Some(Ok(message))) => {
                            if says_locked(*source, &message) {
                                return Poll::Ready(Some(*source));
                            }
                            // Poll the same stream again: it may hold more messages.
                        }
                        // A message that could not be read is skipped.
                        Poll::Ready(Some(Err(_))) => {}
                        Poll::Ready(None) => {
                            drop(self.streams.swap_remove(index));
                        }
                        Poll::Pending => index += 1,
                    }
                }
                if self.streams.is_empty() {
                    Poll::Ready(None)
                } else {
                    Poll::Pending
                }
            })
            .await
        }
    }

    /// Whether `message` (already matched by the rule of `source`) says the session
    /// locked: `ActiveChanged(true)` from a screen saver, any `Lock` from logind.
    fn says_locked(source: LockSource, message: &Message) -> bool {
        let header = message.header();
        let member = header.member().map(|m| m.as_str());
        match source {
            LockSource::ScreenSaver => {
                member == Some("ActiveChanged")
                    && header
                        .interface()
                        .is_some_and(|i| SCREEN_SAVER_INTERFACES.contains(&i.as_str()))
                    && message.body().deserialize::<bool>().unwrap_or(false)
            }
            LockSource::Logind => {
                member == Some("Lock")
                    && header.interface().map(|i| i.as_str()) == Some(LOGIND_SESSION)
            }
        }
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use std::io::{BufRead, BufReader};
    use std::process::{Child, Command, Stdio};
    use std::time::Duration;

    use super::linux::{connect, LockSignals, LockSource};

    /// Connects to the bus at `address` (a D-Bus address such as `unix:path=/tmp/…`).
    async fn connect_to(address: &str) -> Option<zbus::Connection> {
        connect(zbus::connection::Builder::address(address)).await
    }

    /// A private session bus, killed when dropped.
    struct PrivateBus {
        daemon: Child,
        address: String,
    }

    impl PrivateBus {
        fn start() -> PrivateBus {
            let daemon = Command::new("dbus-daemon")
                .args(["--session", "--nofork", "--print-address=1", "--nopidfile"])
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn();
            let mut daemon = match daemon {
                Ok(daemon) => daemon,
                Err(e) => panic!(
                    "dbus-daemon could not be started ({e}): install the Debian packages \
                     dbus-daemon and dbus-bin (`cargo xtask test` installs them)"
                ),
            };
            let mut address = String::new();
            let stdout = daemon.stdout.take().expect("dbus-daemon stdout");
            BufReader::new(stdout)
                .read_line(&mut address)
                .expect("dbus-daemon prints its address");
            let address = address.trim().to_string();
            assert!(
                address.starts_with("unix:"),
                "unexpected address {address:?}"
            );
            PrivateBus { daemon, address }
        }

        fn send(&self, args: &[&str]) {
            let status = Command::new("dbus-send")
                .arg(format!("--bus={}", self.address))
                .arg("--type=signal")
                .args(args)
                .status();
            match status {
                Ok(status) => assert!(status.success(), "dbus-send {args:?} failed: {status}"),
                Err(e) => panic!(
                    "dbus-send could not be run ({e}): install the Debian package dbus-bin \
                     (`cargo xtask test` installs them)"
                ),
            }
        }
    }

    impl Drop for PrivateBus {
        fn drop(&mut self) {
            let _ = self.daemon.kill();
            let _ = self.daemon.wait();
        }
    }

    /// Sends ActiveChanged(false) and an unrelated signal, then ActiveChanged(true) on
    /// `interface`, and checks that only the last one is seen as a lock.
    async fn only_active_true_locks(bus: &PrivateBus, path: &str, interface: &str) {
        let conn = connect_to(&bus.address)
            .await
            .expect("private bus reachable");
        let mut signals = LockSignals::screen_saver(&conn).await.expect("subscribed");
        bus.send(&[path, &format!("{interface}.ActiveChanged"), "boolean:false"]);
        bus.send(&[path, &format!("{interface}.WakeUpScreen")]);
        bus.send(&[path, "org.example.Unrelated.ActiveChanged", "boolean:true"]);
        // Nothing so far may count as a lock.
        let early = tokio::time::timeout(Duration::from_millis(500), signals.next_lock()).await;
        assert!(early.is_err(), "locked on a non-lock signal: {early:?}");
        bus.send(&[path, &format!("{interface}.ActiveChanged"), "boolean:true"]);
        let seen = tokio::time::timeout(Duration::from_secs(5), signals.next_lock()).await;
        assert_eq!(seen, Ok(Some(LockSource::ScreenSaver)), "{interface}");
        // Exactly one lock for one signal.
        let again = tokio::time::timeout(Duration::from_millis(300), signals.next_lock()).await;
        assert!(again.is_err(), "a second lock was seen: {again:?}");
    }

    #[tokio::test]
    async fn screen_saver_lock_on_a_real_bus() {
        let bus = PrivateBus::start();
        only_active_true_locks(
            &bus,
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver",
        )
        .await;
        only_active_true_locks(&bus, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver").await;
    }

    /// A stand-in for logind on the private bus: a real D-Bus peer owning
    /// `org.freedesktop.login1` that places every process in session `_3`.
    struct Login1Manager;

    #[zbus::interface(name = "org.freedesktop.login1.Manager")]
    impl Login1Manager {
        #[zbus(name = "GetSessionByPID")]
        fn get_session_by_pid(&self, _pid: u32) -> zbus::zvariant::OwnedObjectPath {
            zbus::zvariant::OwnedObjectPath::try_from(SESSION).expect("valid path")
        }
    }

    const SESSION: &str = "/org/freedesktop/login1/session/_3";

    #[tokio::test]
    async fn logind_lock_for_our_session_on_a_real_bus() {
        let bus = PrivateBus::start();
        let logind = zbus::connection::Builder::address(bus.address.as_str())
            .expect("address")
            .name("org.freedesktop.login1")
            .expect("name")
            .serve_at("/org/freedesktop/login1", Login1Manager)
            .expect("served")
            .build()
            .await
            .expect("stand-in logind on the bus");
        let conn = connect_to(&bus.address)
            .await
            .expect("private bus reachable");
        let mut signals = LockSignals::logind(&conn, std::process::id())
            .await
            .expect("session found");
        let session = "org.freedesktop.login1.Session";
        // Another session locking, and anyone but logind claiming ours is locked: no lock.
        logind
            .emit_signal(
                None::<()>,
                "/org/freedesktop/login1/session/_9",
                session,
                "Lock",
                &(),
            )
            .await
            .expect("signal sent");
        bus.send(&[SESSION, "org.freedesktop.login1.Session.Lock"]);
        let early = tokio::time::timeout(Duration::from_millis(500), signals.next_lock()).await;
        assert!(early.is_err(), "locked on a non-lock signal: {early:?}");
        logind
            .emit_signal(None::<()>, SESSION, session, "Lock", &())
            .await
            .expect("signal sent");
        let seen = tokio::time::timeout(Duration::from_secs(5), signals.next_lock()).await;
        assert_eq!(seen, Ok(Some(LockSource::Logind)));
    }

    #[tokio::test]
    async fn no_logind_means_no_logind_watch() {
        let bus = PrivateBus::start();
        let conn = connect_to(&bus.address)
            .await
            .expect("private bus reachable");
        assert!(LockSignals::logind(&conn, std::process::id())
            .await
            .is_err());
    }

    #[tokio::test]
    async fn the_watch_ends_when_the_bus_goes_away() {
        let mut bus = PrivateBus::start();
        let conn = connect_to(&bus.address)
            .await
            .expect("private bus reachable");
        let mut signals = LockSignals::screen_saver(&conn).await.expect("subscribed");
        let _ = bus.daemon.kill();
        let _ = bus.daemon.wait();
        let end = tokio::time::timeout(Duration::from_secs(5), signals.next_lock()).await;
        assert_eq!(end, Ok(None));
    }

    #[tokio::test]
    async fn no_bus_means_nothing_to_watch() {
        assert!(connect_to("unix:path=/nonexistent/allia-test-bus")
            .await
            .is_none());
        let mut none = LockSignals::default();
        assert_eq!(none.next_lock().await, None);
    }
}
