//! The `briefing` binary: parse the command line, run, exit with the command's code.

use clap::Parser as _;

fn main() -> std::process::ExitCode {
    tune_allocator();
    briefing::app::run(briefing::cli::Cli::parse())
}

/// glibc's heap grows by what is asked plus `M_TOP_PAD` (128 KiB unless set), and each growth
/// is a system call and fresh page faults, on each thread's heap. A build grows it many times:
/// a 4 MiB pad (address space, not memory: pages never touched are never resident) saves
/// about half a millisecond of the seed's nine (250 interleaved runs; docs/benchmarks.md).
fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a tuning parameter of the allocator, before any thread.
    unsafe {
        libc::mallopt(libc::M_TOP_PAD, 4 << 20);
    }
}
