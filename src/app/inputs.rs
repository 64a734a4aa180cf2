//! The briefings a command line names: files, and folders of them (`build data/`).

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{load_briefings, Error, Loaded};
use crate::fonts::FontBook;

/// Whether `path` is named as a briefing is: `.yaml` or `.yml`, in any case (`c.YAML`).
pub fn is_yaml(path: &Path) -> bool {
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    matches!(extension.as_deref(), Some("yaml" | "yml"))
}

/// Every file named, and every `*.yaml` / `*.yml` file inside a named folder (sorted; not
/// hidden ones, not in its subfolders). An
/// entry of the folder with such a name that is not a regular file (a pipe, a device, a link
/// to one or to nothing) is taken too, so that reading it says what it is, as when it is
/// named: nothing the user meant to build is passed over in silence. Only folders are passed
/// over. A folder with no briefing in it is an error alone; among other inputs it is kept, and
/// [`load`] says it holds none, beside the others' results.
pub fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let entries = std::fs::read_dir(input).map_err(|e| Error::read(input, e))?;
            // Hidden files are left out, as `ls` leaves them: an editor's lock (`.#a.yaml`), the
            // resource fork a Mac leaves beside a copy (`._a.yaml`).
            let hidden = |p: &Path| p.file_name().is_some_and(|n| n.as_encoded_bytes().starts_with(b"."));
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| !p.is_dir() && is_yaml(p) && !hidden(p))
                .collect();
            if found.is_empty() {
                if inputs.len() == 1 {
                    return Err(Error::NoBriefings { folder: input.clone() });
                }
                out.push(input.clone());
                continue;
            }
            found.sort();
            out.extend(found);
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}

/// Reads and checks an input of [`expand`] (see [`load_briefings`]): a folder left among
/// them is one with no briefing in it.
pub fn load(input: &Path, fonts: &FontBook, only: Option<&str>) -> Result<Loaded, Error> {
    if input.is_dir() {
        return Err(Error::NoBriefings { folder: input.to_path_buf() });
    }
    load_briefings(input, fonts, only)
}

/// The topic titles of `loaded` numbered by hand, `1. AI governance`, where `template`
/// numbers its topics (see [`crate::validate::hand_numbered`]): a problem of the file, as its
/// others are, for `check` and `build` alike.
pub fn numbered_by_hand(loaded: &Loaded, template: &super::template::Template) -> Result<(), Error> {
    let mut printed = Vec::with_capacity(loaded.briefings.len());
    for b in &loaded.briefings {
        printed.push(crate::layout::topic_numbers(b, template.theme_for(&b.lang)?));
    }
    let diagnostics = crate::validate::hand_numbered(&loaded.file, &loaded.briefings, &printed);
    match diagnostics.is_empty() {
        true => Ok(()),
        false => Err(Error::Invalid(vec![(loaded.file.clone(), diagnostics)])),
    }
}

/// Plans and makes each input on rayon's threads, one after another on each: a plan (an
/// input's text and briefings) is dropped once its files are made, so a batch holds at most
/// one per thread, never every input's (text44b F44b-17). `done` is called as each is made.
pub fn made_each<P: Send, M: Send>(
    inputs: &[PathBuf],
    plan: impl Fn(&Path) -> Result<P, Error> + Sync,
    make: impl Fn(P) -> Result<M, Error> + Sync,
    done: impl Fn() + Sync,
) -> Vec<(&PathBuf, Result<M, Error>)> {
    inputs
        .par_iter()
        .map(|input| {
            let made = plan(input).and_then(&make);
            done();
            (input, made)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};

    /// A plan that counts how many are alive at once.
    struct Counted<'a> {
        live: &'a AtomicUsize,
    }

    impl<'a> Counted<'a> {
        fn new(live: &'a AtomicUsize, most: &AtomicUsize) -> Counted<'a> {
            most.fetch_max(live.fetch_add(1, SeqCst) + 1, SeqCst);
            Counted { live }
        }
    }

    impl Drop for Counted<'_> {
        fn drop(&mut self) {
            self.live.fetch_sub(1, SeqCst);
        }
    }

    #[test]
    fn a_batch_holds_one_input_per_thread_not_every_input() {
        // text44b F44b-17: every input was read and planned before any was made, and so held
        // together: memory grew with the number of inputs.
        let threads = rayon::current_num_threads();
        let inputs: Vec<PathBuf> = (0..4 * threads + 8).map(|i| PathBuf::from(format!("b{i}.yaml"))).collect();
        let (live, most, done) = (AtomicUsize::new(0), AtomicUsize::new(0), AtomicUsize::new(0));
        let made = made_each(
            &inputs,
            |_| Ok(Counted::new(&live, &most)),
            |plan| {
                drop(plan);
                Ok(())
            },
            || {
                done.fetch_add(1, SeqCst);
            },
        );
        assert_eq!(made.len(), inputs.len());
        assert!(made.iter().zip(&inputs).all(|((input, m), i)| *input == i && m.is_ok()));
        assert_eq!(done.load(SeqCst), inputs.len());
        assert_eq!(live.load(SeqCst), 0);
        let most = most.load(SeqCst);
        assert!(most <= threads, "{most} of {} inputs alive at once on {threads} threads", inputs.len());
    }
}
