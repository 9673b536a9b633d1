//! What the browser and budget tests share: the release server on a fresh
//! SQLite file, its admin command line, and free ports.

#![allow(dead_code)]

pub mod browser;

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The demo accounts' password in these tests.
pub const PW: &str = "mật-khẩu-đủ-dài";

/// Kills a child process when dropped, so a failed test leaves nothing running.
pub struct Proc(pub Child);
impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A port nobody listens on.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// The workspace's folder.
pub fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// Waits until something listens on `port`.
pub async fn wait_for_port(port: u16, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_err() {
        assert!(Instant::now() < deadline, "{what} did not start on port {port}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The release server on a fresh database in a temporary folder.
pub struct ReleaseServer {
    /// `http://127.0.0.1:<port>`.
    pub base: String,
    /// The server binary (`hash.txt` lies beside it).
    pub bin: PathBuf,
    /// The built site (`pkg/`).
    pub site: PathBuf,
    /// Its database.
    pub database_url: String,
    /// The temporary folder (database, browser profile).
    pub tmp: tempfile::TempDir,
    _server: Proc,
}

impl ReleaseServer {
    /// Starts the release build (`NGUON_E2E_BIN` / `NGUON_E2E_SITE` name another).
    pub async fn start() -> ReleaseServer {
        let root = workspace();
        let bin = std::env::var("NGUON_E2E_BIN").map(PathBuf::from).unwrap_or(root.join("target/release/nguon-server"));
        let site = std::env::var("NGUON_E2E_SITE").map(PathBuf::from).unwrap_or(root.join("target/site"));
        assert!(bin.exists(), "{} missing: run `cargo leptos build --release` first (the README's test command does)", bin.display());
        let wasm = std::fs::read_dir(site.join("pkg")).map(|d| d.filter_map(|e| e.ok()).any(|e| e.file_name().to_string_lossy().ends_with(".wasm"))).unwrap_or(false);
        assert!(wasm, "{} has no built wasm in pkg/", site.display());
        let tmp = tempfile::tempdir().unwrap();
        let database_url = format!("sqlite://{}?mode=rwc", tmp.path().join("e2e.db").display());
        let port = free_port();
        let server = Proc(
            Command::new(&bin)
                .arg("serve")
                .current_dir(tmp.path())
                .env("DATABASE_URL", &database_url)
                .env("NGUON_LISTEN", format!("127.0.0.1:{port}"))
                .env("NGUON_SITE_ROOT", &site)
                .env("NGUON_LOG", "warn")
                .stdout(Stdio::null())
                .spawn()
                .expect("start the server"),
        );
        wait_for_port(port, "the server").await;
        ReleaseServer { base: format!("http://127.0.0.1:{port}"), bin, site, database_url, tmp, _server: server }
    }

    /// Runs the admin command line on the same database, password on stdin.
    pub fn cli(&self, args: &[&str], password: &str) {
        use std::io::Write;
        let mut child = Command::new(&self.bin)
            .args(args)
            .env("DATABASE_URL", &self.database_url)
            .env("NGUON_LOG", "error")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(format!("{password}\n").as_bytes()).unwrap();
        assert!(child.wait().unwrap().success(), "nguon-server {args:?}");
    }

    /// The first administrator (`admin`) and the demo school, every account with [`PW`].
    pub fn load_demo(&self) {
        self.load_demo_at("demo");
    }

    /// The same at a scale of `nguon-server demo --scale` (`demo`, `school`).
    pub fn load_demo_at(&self, scale: &str) {
        let args = ["create-admin", "--organisation", "Tỉnh Lâm Đồng", "--full-name", "Quản Trị", "--username", "admin", "--password-stdin"];
        self.cli(&args, PW);
        self.cli(&["demo", "--password-stdin", "--scale", scale], PW);
    }
}
