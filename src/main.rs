//! The `briefing` binary: parse the command line, run, exit with the command's code.

use clap::Parser as _;

fn main() -> std::process::ExitCode {
    briefing::app::run(briefing::cli::Cli::parse())
}
