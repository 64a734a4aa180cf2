//! Links the `briefing` binary as a position-dependent executable on Linux: a PIE's
//! thousands of relocations are applied at every start (and fault in the pages they touch),
//! a cost a short-lived command pays on every run. Libraries and tests are unchanged.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
