//! The shape of the house (docs/architecture.md): no module imports one above it, and no
//! file is too long to find one's way in.

use std::path::Path;

/// The top-level modules from the bottom of the house up. A module may use only modules
/// before it in this list (and `lib.rs`'s entries are for `app` alone).
const ORDER: &[&str] = &[
    "ahead",
    "wording",
    "shown",
    "script",
    "diag",
    "language",
    "markdown",
    "load",
    "model",
    "fonts",
    "validate",
    "theme",
    "hyphenate",
    "punctuation",
    "redline",
    "layout",
    "pdf",
    "html",
    "raster",
    "document",
    "cli",
    "edit",
    "app",
];

/// The top-level module a source file belongs to: `src/layout/text.rs` → `layout`.
fn module_of(path: &Path, src: &Path) -> Option<String> {
    let rel = path.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    Some(first.trim_end_matches(".rs").to_string())
}

/// Every `crate::NAME` a file names outside its tests and comments.
fn uses(text: &str) -> Vec<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    let mut out = Vec::new();
    for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
        let mut rest = line;
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + "crate::".len()..];
            let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            out.push(name);
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_module_imports_one_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let rank = |m: &str| ORDER.iter().position(|o| *o == m);
    let mut upward = Vec::new();
    let mut checked = 0;
    for file in &files {
        let Some(module) = module_of(file, &src) else { continue };
        if module == "lib" || module == "main" {
            continue;
        }
        let here = rank(&module).unwrap_or_else(|| panic!("{module} (in {}) is not in ORDER", file.display()));
        let text = std::fs::read_to_string(file).expect("readable");
        for used in uses(&text) {
            checked += 1;
            match rank(&used) {
                Some(there) if there > here => upward.push(format!("{}: {module} uses {used}", file.display())),
                // The entries of lib.rs (build, compare…) are for the edges only.
                None if module != "app" && !ORDER.contains(&used.as_str()) => {
                    upward.push(format!("{}: {module} uses lib.rs's {used}", file.display()))
                }
                _ => {}
            }
        }
    }
    assert!(checked > 100, "the check saw the imports ({checked})");
    assert!(upward.is_empty(), "imports that reach up:\n{}", upward.join("\n"));
}

/// The README is a user's guide: short, and every file it links to is there.
#[test]
fn the_readme_is_short_and_its_links_lead_somewhere() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let lines = readme.lines().count();
    assert!(lines <= 300, "README.md has {lines} lines; internals belong in docs/");
    let mut links = 0;
    for (i, _) in readme.match_indices("](") {
        let target: String = readme[i + 2..].chars().take_while(|&c| c != ')').collect();
        // Code spans that show Markdown (`](`) are not links.
        if target.starts_with("http") || target.starts_with('#') || target.contains(['`', ' ']) {
            continue;
        }
        links += 1;
        assert!(root.join(&target).exists(), "README links to {target}, which is not there");
    }
    assert!(links >= 4, "the README links to docs/ ({links} local links)");
}

/// No source file has more than 600 lines before its tests: a newcomer can tell from the
/// file names where a thing lives (the line breaker, the run builder, the topic edits…).
#[test]
fn no_source_file_is_over_600_lines_before_its_tests() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 50, "the check saw the source files ({})", files.len());
    let long: Vec<String> = files
        .iter()
        .filter_map(|file| {
            let text = std::fs::read_to_string(file).expect("readable");
            let code = text.lines().take_while(|l| !l.starts_with("#[cfg(test)]")).count();
            (code > 600).then(|| format!("{}: {code} lines", file.display()))
        })
        .collect();
    assert!(long.is_empty(), "files to split along a seam:\n{}", long.join("\n"));
}
