//! How a file's name is shown in a message. A name may hold a line break or a tab: messages
//! are lines, so a name shown as it is would start a line of its own (`x\nerror: …` forges
//! one; text43b F43b-16). Every control character of a name is shown as its escape,
//! `\u{a}`, as `app::say` shows those of a whole message.

use std::fmt;
use std::path::Path;

/// A path as a message shows it: [`Path::display`], its control characters escaped.
pub struct Shown<'a>(&'a Path);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.0.display().to_string();
        if !name.chars().any(char::is_control) {
            return f.write_str(&name);
        }
        for c in name.chars() {
            if c.is_control() {
                write!(f, "{}", c.escape_unicode())?;
            } else {
                write!(f, "{c}")?;
            }
        }
        Ok(())
    }
}

/// `.shown()` on a path, where a message would say `.display()`.
pub trait Show {
    fn shown(&self) -> Shown<'_>;
}

impl Show for Path {
    fn shown(&self) -> Shown<'_> {
        Shown(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_cannot_start_a_line_of_its_own() {
        assert_eq!(Path::new("a/b.yaml").shown().to_string(), "a/b.yaml");
        assert_eq!(Path::new("x\nerror: y.yaml").shown().to_string(), "x\\u{a}error: y.yaml");
        assert_eq!(Path::new("t\tr\r.yaml").shown().to_string(), "t\\u{9}r\\u{d}.yaml");
        assert_eq!(Path::new("e\u{1b}[31m資料.yaml").shown().to_string(), "e\\u{1b}[31m資料.yaml");
    }
}
