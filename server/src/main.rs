//! The `nguon-server` binary: see `nguon_server::cli`.

#[tokio::main]
async fn main() -> std::process::ExitCode {
    nguon_server::cli::run().await
}
