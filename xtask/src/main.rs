//! Breedwerf's task runner. `cargo xtask run` starts the platform with demo data; `cargo xtask test`
//! runs every test. Both install what they need on first use and say what they are doing. Tools come
//! only from the package registries (crates.io, npm, Debian); nothing is downloaded from elsewhere.

use std::env;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// The Trunk release that builds with our Rust (0.22 needs a newer one).
const TRUNK_VERSION: &str = "0.21.14";

type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let task = env::args().nth(1).unwrap_or_default();
    let result = match task.as_str() {
        "run" => run(),
        "test" => test(),
        "build-app" => install_build_tools().and_then(|tools| build_app(&tools)),
        _ => {
            eprintln!("usage: cargo xtask <run|test|build-app>");
            eprintln!("  run        build the app and start Breedwerf with demo accounts at http://127.0.0.1:8080");
            eprintln!(
                "  test       run every test: unit, integration (SQLite, and PostgreSQL with TEST_DATABASE_URL), wasm build, browser e2e"
            );
            eprintln!("  build-app  build the browser app into dist/");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Builds the browser app and the server, then runs the server with demo accounts on SQLite.
fn run() -> Result {
    let tools = install_build_tools()?;
    build_app(&tools)?;
    step("Starting Breedwerf (SQLite database in data/; Ctrl+C stops it)");
    cargo(&["run", "--package", "server", "--bin", "breedwerf", "--", "serve", "--seed-demo"], &[])
}

/// Every test, in the order that fails fastest.
fn test() -> Result {
    let tools = install_build_tools()?;
    let e2e = install_e2e_tools()?;

    step("Checking formatting (cargo fmt)");
    cargo(&["fmt", "--all", "--", "--check"], &[]).map_err(|e| format!("{e}: run `cargo fmt --all`"))?;

    step("Lints (cargo clippy, warnings are errors)");
    cargo(&["clippy", "--workspace", "--exclude", "app", "--all-targets", "--", "-D", "warnings"], &[])?;
    cargo(&["clippy", "--package", "app", "--target", "wasm32-unknown-unknown", "--", "-D", "warnings"], &[])?;

    step("Unit and integration tests on SQLite");
    cargo(&["test", "--workspace", "--exclude", "app"], &[("TEST_DATABASE_URL", "")])?;

    match env::var("TEST_DATABASE_URL") {
        Ok(url) if !url.is_empty() => {
            step("Unit and integration tests on PostgreSQL (TEST_DATABASE_URL)");
            // The same selection as above, so nothing is rebuilt (features unify per selection).
            cargo(&["test", "--workspace", "--exclude", "app"], &[])?;
        }
        _ => step(
            "Skipping PostgreSQL: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres) to run the integration tests on it too",
        ),
    }

    build_app(&tools)?;

    step("Browser end-to-end tests with axe-core (Playwright, Chromium)");
    let server = root().join("target/debug/breedwerf");
    run_command(
        Command::new(&e2e.npx)
            .args(["playwright", "test"])
            .current_dir(root().join("e2e"))
            .env("BREEDWERF_BIN", &server)
            .env("BREEDWERF_ASSETS_DIR", root().join("dist"))
            .env("CHROMIUM_PATH", &e2e.chromium)
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
    )
}

struct BuildTools {
    /// PATH with the pinned tools first.
    path: OsString,
}

struct E2eTools {
    npx: PathBuf,
    chromium: PathBuf,
}

/// The WebAssembly target, Trunk, wasm-bindgen-cli at the version in Cargo.lock, and wasm-opt.
fn install_build_tools() -> Result<BuildTools> {
    let cargo_bin = cargo_home().join("bin");
    let npm_bin = root().join("tools/node_modules/.bin");
    let path = prepend_path(&[npm_bin.clone(), cargo_bin.clone()]);

    let installed_targets = output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if !installed_targets.lines().any(|t| t.trim() == "wasm32-unknown-unknown") {
        step("Installing the Rust target wasm32-unknown-unknown");
        run_command(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }

    let trunk = cargo_bin.join("trunk");
    if !version_of(&trunk).contains(TRUNK_VERSION) {
        step(&format!("Installing Trunk {TRUNK_VERSION} (once; about 10 minutes on 2 cores)"));
        cargo(&["install", "trunk", "--version", TRUNK_VERSION, "--locked"], &[])?;
    }

    let bindgen_version = locked_version("wasm-bindgen")?;
    let bindgen = cargo_bin.join("wasm-bindgen");
    if !version_of(&bindgen).contains(&bindgen_version) {
        step(&format!("Installing wasm-bindgen-cli {bindgen_version} (once; the version in Cargo.lock)"));
        // Its own lock file names a crate version the registry lacks, so no --locked here.
        cargo(&["install", "wasm-bindgen-cli", "--version", &bindgen_version], &[])?;
    }

    if !npm_bin.join("wasm-opt").exists() {
        step("Installing wasm-opt (npm package binaryen@123.0.0)");
        npm_ci(&root().join("tools"))?;
    }
    Ok(BuildTools { path })
}

/// Playwright and axe-core from npm, and Debian's Chromium.
fn install_e2e_tools() -> Result<E2eTools> {
    let e2e = root().join("e2e");
    if !e2e.join("node_modules/@playwright/test").exists() || !e2e.join("node_modules/@axe-core/playwright").exists() {
        step("Installing Playwright and axe-core (npm ci in e2e/)");
        npm_ci(&e2e)?;
    }
    let chromium = PathBuf::from("/usr/bin/chromium");
    if !chromium.exists() {
        if is_root() {
            step("Installing Debian's Chromium (apt-get install chromium)");
            run_command(Command::new("apt-get").arg("update").arg("-q"))?;
            run_command(
                Command::new("apt-get")
                    .args(["install", "-y", "-q", "chromium"])
                    .env("DEBIAN_FRONTEND", "noninteractive"),
            )?;
        } else {
            return Err(
                "the browser tests need Debian's Chromium at /usr/bin/chromium: run `sudo apt-get install chromium`"
                    .into(),
            );
        }
    }
    Ok(E2eTools { npx: PathBuf::from("npx"), chromium })
}

fn build_app(tools: &BuildTools) -> Result {
    step("Building the browser app (trunk build --release → dist/)");
    run_command(
        Command::new(cargo_home().join("bin/trunk"))
            .args(["build", "--release"])
            .current_dir(root())
            .env("PATH", &tools.path)
            .env("TRUNK_SKIP_VERSION_CHECK", "true"),
    )
}

fn npm_ci(dir: &Path) -> Result {
    run_command(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(dir)
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
    )
    .map_err(|e| format!("{e} (npm comes with Node.js: install it with `apt-get install nodejs npm`)"))
}

/// The version of `package` in Cargo.lock.
fn locked_version(package: &str) -> Result<String> {
    let lock =
        std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let needle = format!("name = \"{package}\"\nversion = \"");
    let start = lock.find(&needle).ok_or_else(|| format!("{package} is not in Cargo.lock"))? + needle.len();
    let end = lock[start..].find('"').ok_or("Cargo.lock is malformed")?;
    Ok(lock[start..start + end].to_owned())
}

fn cargo(args: &[&str], env: &[(&str, &str)]) -> Result {
    let mut command = Command::new(env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command.args(args).current_dir(root());
    for (key, value) in env {
        command.env(key, value);
    }
    run_command(&mut command)
}

fn run_command(command: &mut Command) -> Result {
    let status = command.status().map_err(|e| format!("cannot start {:?}: {e}", command.get_program()))?;
    if status.success() { Ok(()) } else { Err(format!("{:?} failed ({status})", command.get_program())) }
}

fn output(command: &mut Command) -> Option<String> {
    let output = command.output().ok()?;
    output.status.success().then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

fn version_of(program: &Path) -> String {
    output(Command::new(program).arg("--version")).unwrap_or_default()
}

fn step(message: &str) {
    println!("\n==> {message}");
}

/// The workspace root (this crate lives in `xtask/`).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

fn cargo_home() -> PathBuf {
    env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
}

fn prepend_path(dirs: &[PathBuf]) -> OsString {
    let existing = env::var_os("PATH").unwrap_or_default();
    env::join_paths(dirs.iter().cloned().chain(env::split_paths(&existing))).unwrap_or(existing)
}

fn is_root() -> bool {
    output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0")
}
