//! The admin command line: serve, migrate, create an administrator, reset a
//! password. Passwords are read from the terminal (or standard input), never
//! from arguments, so they do not land in shell history.

use crate::config::Config;
use crate::router;
use crate::telemetry;
use clap::{Parser, Subcommand};
use nguon_app::api::context::AppState;
use nguon_domain::audit::AuditContext;
use nguon_domain::{accounts, db, sessions, setup, throttle};
use nguon_shared::{AppError, Locale};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

/// Nguồn — developing Party members among high-school students.
#[derive(Parser, Debug)]
#[command(version, about)]
pub struct Cli {
    /// Configuration file (TOML). Default: `nguon.toml` in the working folder, if present.
    #[arg(long, global = true, env = "NGUON_CONFIG")]
    pub config: Option<PathBuf>,
    /// What to do; `serve` when omitted.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The sizes of a generated demo school.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DemoScale {
    /// The demo school.
    Demo,
    /// A school at the scale of product.md.
    School,
}

/// The presets of generated data (`generate`).
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum GeneratePreset {
    /// One school: 60 classes, about 2,500 students, about 80,000 entries in the year.
    School,
    /// Seven schools over three years.
    District,
    /// 150 schools, about 250,000 students a year, about 10 million entries over five years.
    Province,
}

/// The sub-commands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Migrate the database, then serve the web application.
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// First-run set-up without a browser: the top organisation unit and its administrator.
    CreateAdmin {
        /// Name of the top organisation unit, e.g. "Tỉnh Lâm Đồng".
        #[arg(long)]
        organisation: String,
        /// The administrator's full name.
        #[arg(long)]
        full_name: String,
        /// The administrator's login name.
        #[arg(long)]
        username: String,
        /// Read the password from the first line of standard input instead of prompting.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Set a new password for an account and end all its sessions.
    ResetPassword {
        /// The account's login name.
        #[arg(long)]
        username: String,
        /// Read the password from the first line of standard input instead of prompting.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Load the generated demo school (THPT Tân Hà, demo) under the top unit, with demo
    /// accounts demo.doan, demo.chibo and demo.huongdan sharing the given password.
    Demo {
        /// Read the demo accounts' password from the first line of standard input instead of prompting.
        #[arg(long)]
        password_stdin: bool,
        /// How big: `demo` (30 classes, about 1,200 students) or `school` (the scale of a large
        /// school: 60 classes, about 2,400 students, about 80,000 ledger entries; takes minutes).
        #[arg(long, value_enum, default_value_t = DemoScale::Demo)]
        scale: DemoScale,
    },
    /// Fill an empty database with generated data at scale (for benchmarks): the organisation,
    /// schools, years, classes, students, staff, accounts for every role at every school
    /// (tNNN.doan, tNNN.doan2, tNNN.chibo, tNNN.huongdan, tNNN.quantri, capuy.NNN, admin),
    /// the emulation ledger and study results. Reports the time taken and the database's size.
    Generate {
        /// How much: `school`, `district` or `province`.
        #[arg(long, value_enum)]
        preset: GeneratePreset,
        /// The random seed: the same seed writes the same data.
        #[arg(long, default_value_t = 88)]
        seed: u64,
        /// Read the accounts' password from the first line of standard input instead of prompting.
        #[arg(long)]
        password_stdin: bool,
    },
    /// End every session of an account (e.g. a lost phone), without changing its password.
    RevokeSessions {
        /// The account's login name.
        #[arg(long)]
        username: String,
    },
    /// Write a consistent copy of the SQLite database to FILE, also while the server is
    /// serving (PostgreSQL: use pg_dump, see the README).
    Backup {
        /// The copy to write (must not exist yet).
        #[arg(long)]
        to: PathBuf,
    },
    /// Replace the SQLite database with a backup, then bring it up to this version's schema.
    /// Stop every server using the database first. A backup from a newer version is refused.
    Restore {
        /// The backup to restore.
        #[arg(long)]
        from: PathBuf,
    },
    /// Apply the retention rule: anonymise students who left school more than the rule's
    /// years ago (default 5) without a candidacy, and say whom. Run it daily (see README).
    Retention {
        /// Only report whom the rule reaches; change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// After a build: write a brotli and a gzip copy of every built asset, which the
    /// server then serves as they are (no database needed).
    Precompress {
        /// The site folder whose `pkg/` to compress; default: the configured `site_root`.
        #[arg(long)]
        site: Option<PathBuf>,
    },
}

fn read_password(from_stdin: bool) -> std::io::Result<String> {
    if from_stdin {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line)?;
        Ok(line.trim_end_matches(['\r', '\n']).to_string())
    } else {
        let first = rpassword::prompt_password("Mật khẩu / Password: ")?;
        let again = rpassword::prompt_password("Nhập lại / Repeat: ")?;
        if first != again {
            return Err(std::io::Error::other("hai mật khẩu không khớp / passwords differ"));
        }
        Ok(first)
    }
}

/// Describes an error for the terminal, in Vietnamese and English.
fn describe(e: &AppError) -> String {
    let vi = nguon_app::i18n::messages(Locale::Vi);
    let en = nguon_app::i18n::messages(Locale::En);
    let mut out = format!("{} / {}", vi.error(e), en.error(e));
    if let AppError::Invalid(list) = e {
        for f in list {
            out.push_str(&format!("\n  {}: {} / {}", f.field, vi.field_error(&f.code), en.field_error(&f.code)));
        }
    }
    out
}

/// Parses arguments and runs the command.
pub async fn run() -> ExitCode {
    let cli = Cli::parse();
    let config = match Config::load(cli.config.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("cấu hình không hợp lệ / invalid configuration: {e}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(&config.log_format);
    if let Some(Command::Precompress { site }) = &cli.command {
        let pkg = site.clone().unwrap_or_else(|| PathBuf::from(&config.site_root)).join("pkg");
        let hashes = nguon_app::assets::hashes();
        return match crate::assets::precompress(&pkg, hashes.wasm.is_some().then_some(hashes)) {
            Ok(p) => {
                println!(
                    "{}: {} tệp/files, {} B → brotli {} B, gzip {} B",
                    pkg.display(),
                    p.files,
                    p.raw_bytes,
                    p.brotli_bytes,
                    p.gzip_bytes
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{}: {e}", pkg.display());
                ExitCode::from(1)
            }
        };
    }
    // Restore replaces the database file: nothing may open it before.
    if let Some(Command::Restore { from }) = &cli.command {
        return match nguon_domain::backup::restore(&config.database_url, from).await {
            Ok(n) => {
                println!("Đã khôi phục / restored from {} ({n} migrations in the backup)", from.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::from(1)
            }
        };
    }
    let db = match db::connect_and_migrate(&config.database_url).await {
        Ok(db) => db,
        Err(e) => {
            tracing::error!(error = %e, "database unavailable");
            eprintln!("không mở được cơ sở dữ liệu / cannot open the database: {e}");
            return ExitCode::from(1);
        }
    };
    let ctx = AuditContext { actor_user_id: None, client_addr: Some("cli".into()) };
    let result: Result<(), String> = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(&config, db).await,
        Command::Migrate => {
            println!("Đã cập nhật cơ sở dữ liệu / database migrated ({}).", db::engine_name(&db));
            Ok(())
        }
        Command::CreateAdmin { organisation, full_name, username, password_stdin } => {
            match read_password(password_stdin) {
                Err(e) => Err(e.to_string()),
                Ok(password) => {
                    let input = setup::FirstRunInput {
                        organisation,
                        full_name,
                        username,
                        confirm: password.clone(),
                        password,
                        locale: Locale::Vi,
                    };
                    setup::create_first_admin(&db, &ctx, input)
                        .await
                        .map(|u| println!("Đã tạo quản trị viên / administrator created: {}", u.username))
                        .map_err(|e| describe(&e))
                }
            }
        }
        Command::ResetPassword { username, password_stdin } => match read_password(password_stdin) {
            Err(e) => Err(e.to_string()),
            Ok(password) => accounts::reset_password(&db, &ctx, &username, &password)
                .await
                .map(|_| println!("Đã đặt lại mật khẩu / password reset: {username}"))
                .map_err(|e| describe(&e)),
        },
        Command::Demo { password_stdin, scale } => match read_password(password_stdin) {
            Err(e) => Err(e.to_string()),
            Ok(password) => nguon_domain::demo::load_sized(&db, &ctx, &password, 88, match scale {
                DemoScale::Demo => nguon_domain::demo::DemoSize::DEMO,
                DemoScale::School => nguon_domain::demo::DemoSize::SCHOOL,
            })
                .await
                .map(|s| {
                    println!(
                        "Đã tạo trường demo / demo school loaded: {} lớp/classes, {} học sinh/students, {} cán bộ/staff, {} dòng điểm/ledger entries; tài khoản/accounts: {}",
                        s.classes,
                        s.students,
                        s.staff,
                        s.entries,
                        s.accounts.join(", ")
                    )
                })
                .map_err(|e| describe(&e)),
        },
        Command::Generate { preset, seed, password_stdin } => match read_password(password_stdin) {
            Err(e) => Err(e.to_string()),
            Ok(password) => {
                use nguon_domain::generate::{self, Preset};
                let p = match preset {
                    GeneratePreset::School => Preset::SCHOOL,
                    GeneratePreset::District => Preset::DISTRICT,
                    GeneratePreset::Province => Preset::PROVINCE,
                };
                match generate::generate(&db, p, seed, &password, nguon_app::format::today()).await {
                    Ok(g) => {
                        let size = db::size_bytes(&db).await.unwrap_or(0);
                        println!(
                            "Đã tạo dữ liệu / generated: {} trường/schools, {} học sinh/students, {} cán bộ/staff, {} tài khoản/accounts, {} dòng điểm/ledger entries, {} kết quả/results, {} xếp loại đoàn viên/classifications, {} hồ sơ/candidacies, {} lớp bồi dưỡng/awareness classes, {} cuộc họp liên tịch/joint meetings in {:.1} s; cơ sở dữ liệu/database {:.1} MB",
                            g.schools,
                            g.students,
                            g.staff,
                            g.accounts,
                            g.entries,
                            g.results,
                            g.classifications,
                            g.candidacies,
                            g.awareness_classes,
                            g.meetings,
                            g.elapsed.as_secs_f64(),
                            size as f64 / 1_048_576.0
                        );
                        Ok(())
                    }
                    Err(e) => Err(describe(&e)),
                }
            }
        },
        Command::RevokeSessions { username } => accounts::revoke_all_sessions(&db, &ctx, &username)
            .await
            .map(|n| println!("Đã kết thúc {n} phiên / ended {n} session(s): {username}"))
            .map_err(|e| describe(&e)),
        Command::Backup { to } => nguon_domain::backup::backup(&db, &to)
            .await
            .map(|bytes| println!("Đã sao lưu / backed up to {} ({bytes} B)", to.display())),
        Command::Restore { .. } => unreachable!("handled before the database is opened"),
        Command::Retention { dry_run } => {
            let today = nguon_app::format::today();
            nguon_domain::privacy::retention::run(&db, today, dry_run)
                .await
                .map(|r| {
                    for x in &r.reached {
                        println!("student {} (school {}): left {}", x.student_id, x.school_id, x.left_on.format("%d/%m/%Y"));
                    }
                    if dry_run {
                        println!("Thử, không thay đổi gì / dry run, nothing changed: {} trường/schools, {} học sinh sẽ được ẩn danh/students would be anonymised", r.schools, r.reached.len());
                    } else {
                        println!("Đã ẩn danh / anonymised: {} học sinh/students ({} trường/schools)", r.anonymised, r.schools);
                    }
                })
                .map_err(|e| describe(&e))
        }
        Command::Precompress { .. } => unreachable!("handled before the database is opened"),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("{msg}");
            ExitCode::from(1)
        }
    }
}

async fn serve(config: &Config, db: nguon_domain::DatabaseConnection) -> Result<(), String> {
    let state = AppState { db: db.clone(), auth: config.auth_settings(), secure_cookies: config.secure_cookies };
    spawn_housekeeping(state.clone());
    let app = router::build(config, state);
    let listener = tokio::net::TcpListener::bind(config.listen).await.map_err(|e| format!("{}: {e}", config.listen))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    tracing::info!(%addr, engine = db::engine_name(&db), "serving");
    println!("Nguồn đang chạy tại / is running at http://{addr}/");
    axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| e.to_string())
}

/// Hourly clean-up of ended sessions and old login attempts.
fn spawn_housekeeping(state: AppState) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            tick.tick().await;
            let now = chrono::Utc::now();
            if let Err(e) = sessions::purge_expired(&state.db, &state.auth, now).await {
                tracing::warn!(error = %e, "session purge failed");
            }
            if let Err(e) = throttle::purge_before(&state.db, now - chrono::Duration::days(1)).await {
                tracing::warn!(error = %e, "login attempt purge failed");
            }
        }
    });
}
