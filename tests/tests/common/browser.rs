//! The browser harness shared by the browser tests: the release server on a
//! fresh database, headless Chromium through ChromeDriver, and the few moves
//! every test makes (sign in, fill, click, wait for a text).

use super::{free_port, wait_for_port, workspace, Proc, ReleaseServer, PW};
use fantoccini::error::NewSessionError;
use fantoccini::{Client, ClientBuilder, Locator};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A release server on a fresh database and a Chromium driven through ChromeDriver.
pub struct Env {
    /// The server's address.
    pub base: String,
    /// The server.
    pub server: ReleaseServer,
    /// The browser.
    pub browser: Client,
    _driver: Proc,
    shots: PathBuf,
}

impl Env {
    /// Starts a server on a fresh database and a browser, phone-sized or desktop.
    pub async fn start(phone: bool) -> Env {
        Env::start_with(phone, true).await
    }

    /// [`Env::start`], with JavaScript on or off in the browser.
    pub async fn start_with(phone: bool, javascript: bool) -> Env {
        let root = workspace();
        let server = ReleaseServer::start().await;
        let driver_port = free_port();
        let driver = Proc(
            Command::new("chromedriver")
                .arg(format!("--port={driver_port}"))
                // NGUON_E2E_DEBUG=<file>: Chromium's own log, console messages included, for debugging.
                .args(std::env::var("NGUON_E2E_DEBUG").map(|f| vec!["--enable-chrome-logs".to_string(), "--verbose".into(), format!("--log-path={f}")]).unwrap_or_default())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start chromedriver (Debian package chromium-driver)"),
        );
        wait_for_port(driver_port, "chromedriver").await;
        let profile = server.tmp.path().join("profile");
        let mut options = serde_json::json!({
            "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,800", "--enable-logging=stderr", "--v=0",
                format!("--user-data-dir={}", profile.display()),
            ]
        });
        if !javascript {
            options["prefs"] = serde_json::json!({ "profile.managed_default_content_settings.javascript": 2 });
        }
        if phone {
            // A 360 CSS px phone screen (headless windows cannot be narrower than 500 px).
            options["mobileEmulation"] = serde_json::json!({ "deviceMetrics": { "width": 360, "height": 780, "pixelRatio": 1.0 } });
        }
        let caps: serde_json::Map<String, serde_json::Value> =
            serde_json::from_value(serde_json::json!({ "goog:chromeOptions": options })).unwrap();
        // ChromeDriver may take its port a moment before it answers on it (seen on a
        // loaded CI machine as a reset connection): a few tries, then a clear failure.
        let mut tries = 0;
        let browser = loop {
            let attempt = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{driver_port}"))
                .await;
            match attempt {
                Ok(client) => break client,
                Err(e) if tries < 5 && matches!(e, NewSessionError::Failed(_) | NewSessionError::FailedC(_) | NewSessionError::Lost(_)) => {
                    tries += 1;
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
                Err(e) => panic!("connect to chromedriver: {e:?}"),
            }
        };
        let shots = root.join("target/e2e-screenshots");
        std::fs::create_dir_all(&shots).unwrap();
        Env { base: server.base.clone(), server, browser, _driver: driver, shots }
    }

    /// Runs the admin command line on the same database, password on stdin.
    pub fn cli(&self, args: &[&str], password: &str) {
        self.server.cli(args, password);
    }

    pub async fn shot(&self, name: &str) {
        if let Ok(png) = self.browser.screenshot().await {
            let _ = std::fs::write(self.shots.join(format!("{name}.png")), png);
        }
    }

    /// Waits until `css` matches an element whose text contains `text`.
    pub async fn wait_text(&self, css: &str, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Ok(els) = self.browser.find_all(Locator::Css(css)).await {
                for el in els {
                    if el.text().await.map(|t| t.contains(text)).unwrap_or(false) {
                        return;
                    }
                }
            }
            if Instant::now() > deadline {
                self.shot("failure").await;
                let html = self.browser.source().await.unwrap_or_default();
                // Scripts may be off in the browser (then they never answer): ask briefly.
                let script = |js: &'static str| async move {
                    tokio::time::timeout(Duration::from_secs(3), self.browser.execute(js, vec![])).await.ok().and_then(|r| r.ok()).unwrap_or_default()
                };
                let errors = script("return window.__nguonErrors || []").await;
                let calls = script("return performance.getEntriesByType('resource').filter(e => e.name.includes('/api/')).map(e => e.name + ' ' + Math.round(e.duration))").await;
                let url = self.browser.current_url().await.map(|u| u.to_string()).unwrap_or_default();
                panic!("no `{css}` containing {text:?} at {url}; browser console errors: {errors}; server calls: {calls}\nin:\n{html}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn js(&self, script: &str) -> serde_json::Value {
        self.browser.execute(script, vec![]).await.expect("script runs")
    }

    pub async fn fill(&self, name: &str, value: &str) {
        let el = self.browser.find(Locator::Css(&format!("input[name='{name}']"))).await.unwrap();
        el.clear().await.unwrap();
        el.send_keys(value).await.unwrap();
    }

    /// Opens `path` as `user` (signing in again when `who`, the user signed in
    /// so far, is someone else) and waits for its title.
    pub async fn visit_as(&self, who: &mut &'static str, user: &'static str, path: &str, title: &str) {
        if user != *who {
            // Before any page is open there are no cookies to delete.
            if !who.is_empty() {
                self.browser.delete_all_cookies().await.unwrap();
            }
            self.login(user, PW).await;
            *who = user;
        }
        self.browser.goto(&format!("{}{path}", self.base)).await.unwrap();
        self.wait_text("h1", title).await;
    }

    /// Presses Enter in the input named `name`, submitting its form.
    pub async fn press_enter(&self, name: &str) {
        let el = self.browser.find(Locator::Css(&format!("input[name='{name}']"))).await.unwrap();
        el.send_keys("\u{E007}").await.unwrap();
    }

    pub async fn click(&self, css: &str) {
        self.browser.find(Locator::Css(css)).await.unwrap_or_else(|_| panic!("{css}")).click().await.unwrap();
    }

    /// Opens the login page and signs in (a plain form); waits for the home page.
    pub async fn login(&self, username: &str, password: &str) {
        self.browser.goto(&format!("{}/login", self.base)).await.unwrap();
        self.wait_text("h1", "").await;
        self.fill("username", username).await;
        self.fill("password", password).await;
        // Enter submits the form, as a person would; it also works with scripts off
        // (where chromedriver's element click never returns).
        self.press_enter("password").await;
        self.wait_text("h1", "Xin chào").await;
    }

    /// A fresh server with the first administrator and the demo school (accounts share `PW`).
    pub async fn with_demo(phone: bool) -> Env {
        Env::with_demo_js(phone, true).await
    }

    /// [`Env::with_demo`], with JavaScript on or off in the browser.
    pub async fn with_demo_js(phone: bool, javascript: bool) -> Env {
        let env = Env::start_with(phone, javascript).await;
        env.server.load_demo();
        env
    }

    pub async fn open_menu(&self) {
        let open = self.js("return document.querySelector('details.menu').open").await;
        if open != serde_json::Value::Bool(true) {
            self.click("details.menu > summary").await;
        }
    }

    /// Waits until the page's islands are live (the wasm entry marks the
    /// document), then keeps console errors (a wasm panic lands there) for
    /// failure messages.
    pub async fn wait_hydrated(&self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.js("return document.documentElement.dataset.islands === 'live'").await != serde_json::Value::Bool(true) {
            assert!(Instant::now() < deadline, "the islands never came to life");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        self.js("if (!window.__nguonErrors) { window.__nguonErrors = []; const e = console.error; \
                 console.error = (...a) => { window.__nguonErrors.push(a.map(String).join(' ')); e(...a) }; } return true")
            .await;
    }
}
