//! Arbitrary bytes as a PDF given to `briefing extract`: `embedded_files` either finds the
//! attachments (each checked against its recorded size and checksum) or says why not. Whatever
//! the bytes (nested 10,000 deep, a decompression bomb, a reference cycle), no panic, no stack
//! overflow, no timeout, no running out of memory.

#![no_main]

use briefing::app::extract::{embedded_files, file_name};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match embedded_files(data) {
        Ok(files) => {
            for f in &files {
                let name = file_name(&f.name);
                assert!(!name.is_empty() && !name.starts_with('.'), "unsafe name {name:?}");
                assert!(!name.contains(['/', '\\']) && !name.chars().any(char::is_control), "unsafe name {name:?}");
                assert!(f.data.len() <= 4 << 20, "an attachment past the limit");
            }
        }
        Err(why) => assert!(!why.is_empty()),
    }
});
