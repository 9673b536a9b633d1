//! A fresh, empty database per test, on either engine.
//!
//! SQLite: a file in a temporary folder. PostgreSQL: a new database on the
//! server named by `NGUON_TEST_PG` (an admin URL such as
//! `postgres://nguon:nguon@127.0.0.1:5432/postgres`). The README's test
//! command starts that server and sets the variable; when it is missing the
//! PostgreSQL tests fail rather than pass without running.

use rand::Rng as _;
use sea_orm::{ConnectionTrait, Database};

/// The two engines every database test runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// The embedded default.
    Sqlite,
    /// The province-scale engine.
    Postgres,
}

/// A fresh database; its URL is ready for `nguon_domain::db::connect_and_migrate`.
pub struct TestDb {
    /// Connection URL.
    pub url: String,
    /// Which engine.
    pub engine: Engine,
    _dir: Option<tempfile::TempDir>,
}

impl TestDb {
    /// Creates an empty database on `engine`.
    pub async fn new(engine: Engine) -> TestDb {
        match engine {
            Engine::Sqlite => {
                let dir = tempfile::tempdir().expect("temp dir");
                let url = format!("sqlite://{}?mode=rwc", dir.path().join("test.db").display());
                TestDb { url, engine, _dir: Some(dir) }
            }
            Engine::Postgres => {
                let admin = std::env::var("NGUON_TEST_PG").expect(
                    "NGUON_TEST_PG is not set: the PostgreSQL tests need a server (run the README's test command)",
                );
                let name = format!("nguon_test_{}_{:08x}", std::process::id(), rand::rng().random::<u32>());
                let conn = Database::connect(admin.as_str()).await.expect("connect to the PostgreSQL test server");
                conn.execute_unprepared(&format!("CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0"))
                    .await
                    .expect("create test database");
                conn.close().await.ok();
                let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
                TestDb { url: format!("{base}/{name}"), engine, _dir: None }
            }
        }
    }
}

/// Generates one `#[tokio::test]` per engine that calls `async fn $name(TestDb)`.
#[macro_export]
macro_rules! both_engines {
    ($($name:ident),+ $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    super::$name($crate::TestDb::new($crate::Engine::Sqlite).await).await;
                }
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    super::$name($crate::TestDb::new($crate::Engine::Postgres).await).await;
                }
            }
        )+
    };
}
