//! The `selfeval` binary: the command line natively, the app in the browser.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    selfeval::cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {
    selfeval::app::start();
}
