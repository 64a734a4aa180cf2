//! Links the `briefing` binary, on Linux with glibc, as a static, position-dependent
//! executable: a short-lived command pays at every start for what a dynamic one does before
//! `main` (loading libc, libm and libgcc_s, resolving their symbols) and for a PIE's
//! thousands of relocations. Measured on the seed: about 1 ms of its 8 (docs/benchmarks.md).
//!
//! Rust links a static glibc binary only with `-C target-feature=+crt-static`, which cargo
//! also applies to procedural macros (they cannot be static) unless a `--target` is given,
//! and that moves the binary away from `target/release/`. So the binary alone is linked with
//! `-static`, and the libraries rustc asks for by name (`-lc`, `-lm`, `-lgcc_s`) are found in
//! this build's own folder first, as small linker scripts naming the static archives that the
//! C compiler knows (`libc.a`, `libm.a`, `libgcc_eh.a`). When one of those archives is missing
//! (no static glibc installed), the binary is linked as before, dynamically. Libraries,
//! tests and benches are unchanged.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os != "linux" || env != "gnu" {
        return;
    }
    println!("cargo:rustc-link-arg-bins=-no-pie");
    let (Some(out), Some(archives)) = (std::env::var_os("OUT_DIR"), static_archives()) else {
        println!("cargo:warning=no static glibc found (libc.a); briefing is linked dynamically");
        return;
    };
    let out = PathBuf::from(out);
    let [c, m, gcc_eh, gcc] = archives.map(|p| p.display().to_string());
    let scripts = [
        ("libc.so", format!("GROUP ( {c} {gcc_eh} {gcc} )\n")),
        ("libm.so", format!("GROUP ( {m} )\n")),
        ("libgcc_s.so", format!("GROUP ( {gcc_eh} )\n")),
    ];
    for (name, script) in scripts {
        if let Err(e) = std::fs::write(out.join(name), script) {
            println!("cargo:warning=cannot write {name} ({e}); briefing is linked dynamically");
            return;
        }
    }
    // A path given to the linker for the binary only: tests and benches link as usual.
    println!("cargo:rustc-link-arg-bins=-L{}", out.display());
    println!("cargo:rustc-link-arg-bins=-static");
}

/// The static archives of glibc, its maths library and libgcc, as the C compiler finds them.
fn static_archives() -> Option<[PathBuf; 4]> {
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".to_string());
    let find = |name: &str| -> Option<PathBuf> {
        let out = Command::new(&cc).arg(format!("-print-file-name={name}")).output().ok()?;
        let path = PathBuf::from(String::from_utf8(out.stdout).ok()?.trim());
        // Unfound, the compiler prints the bare name back.
        (path.is_absolute() && Path::new(&path).is_file()).then_some(path)
    };
    Some([find("libc.a")?, find("libm.a")?, find("libgcc_eh.a")?, find("libgcc.a")?])
}
