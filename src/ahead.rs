//! Work started on another thread ahead of need, which the thread that needs it does itself
//! when the other has not begun it yet.
//!
//! On a busy or virtual machine a new thread can wait a whole time slice (measured here: up
//! to 2.4 ms) before it first runs. Work handed to it and then waited for would take longer
//! than doing it in place; with [`Ahead`], whichever thread gets to it first does it, so the
//! wait is never longer than the work.

use std::sync::{Arc, Mutex, PoisonError};
use std::thread::{Scope, ScopedJoinHandle};

/// How long [`Ahead::get`] waits for the thread by yielding rather than sleeping: a thread
/// asleep on a virtual machine's idle processor can take a millisecond to wake, and the
/// seed's builds fell into two groups a millisecond apart; yielding lets any other thread run
/// meanwhile. Past this, it sleeps.
const SPIN: std::time::Duration = std::time::Duration::from_millis(5);

type Work<'scope, T> = Arc<Mutex<Option<Box<dyn FnOnce() -> T + Send + 'scope>>>>;

/// The result of `work`, started on a thread of `scope` ([`ahead`]).
pub struct Ahead<'scope, T> {
    work: Work<'scope, T>,
    thread: ScopedJoinHandle<'scope, Option<T>>,
}

/// Starts `work` on a new thread of `scope`; [`Ahead::get`] gives its result.
pub fn ahead<'scope, T: Send + 'scope>(
    scope: &'scope Scope<'scope, '_>,
    work: impl FnOnce() -> T + Send + 'scope,
) -> Ahead<'scope, T> {
    let work: Work<'scope, T> = Arc::new(Mutex::new(Some(Box::new(work))));
    let shared = Arc::clone(&work);
    let thread = scope.spawn(move || take(&shared).map(|work| work()));
    Ahead { work, thread }
}

fn take<'scope, T>(work: &Work<'scope, T>) -> Option<Box<dyn FnOnce() -> T + Send + 'scope>> {
    work.lock().unwrap_or_else(PoisonError::into_inner).take()
}

impl<T> Ahead<'_, T> {
    /// The work's result: done here if the thread has not begun it, else waited for. A panic
    /// of the work goes on here.
    pub fn get(self) -> T {
        if let Some(work) = take(&self.work) {
            return work();
        }
        let start = std::time::Instant::now();
        while !self.thread.is_finished() && start.elapsed() < SPIN {
            std::thread::yield_now();
        }
        match self.thread.join() {
            Ok(Some(result)) => result,
            // The thread found no work only if this one took it, which returned above.
            Ok(None) => unreachable!("the work was taken by the thread"),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }

    /// Whether the work has been begun, by the thread or by [`Ahead::get`].
    #[cfg(test)]
    fn begun(&self) -> bool {
        self.work.lock().unwrap_or_else(PoisonError::into_inner).is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Barrier;

    #[test]
    fn the_work_is_done_once_whichever_thread_gets_to_it() {
        for _ in 0..200 {
            let runs = AtomicUsize::new(0);
            let got = std::thread::scope(|s| {
                let a = ahead(s, || {
                    runs.fetch_add(1, Ordering::SeqCst);
                    41 + 1
                });
                a.get()
            });
            assert_eq!(got, 42);
            assert_eq!(runs.load(Ordering::SeqCst), 1);
        }
    }

    #[test]
    fn work_not_begun_is_done_by_the_thread_that_needs_it() {
        let start = Barrier::new(2);
        let caller = std::thread::current().id();
        std::thread::scope(|s| {
            // A first piece of work holds the thread back until the second is taken here.
            let first = ahead(s, || start.wait());
            let second = ahead(s, || std::thread::current().id());
            // The second work's thread may begin it first: then it ran there; either way it
            // ran once. Taken here before its thread ran, it runs on this thread.
            let taken_here = !second.begun();
            let ran_on = second.get();
            if taken_here {
                assert_eq!(ran_on, caller);
            }
            start.wait();
            first.get();
        });
    }

    #[test]
    fn work_begun_by_the_thread_is_waited_for() {
        let begun = Barrier::new(2);
        let caller = std::thread::current().id();
        std::thread::scope(|s| {
            let a = ahead(s, || {
                begun.wait();
                std::thread::current().id()
            });
            // The thread is inside the work now (it passed the barrier only after taking it).
            begun.wait();
            assert!(a.begun());
            assert_ne!(a.get(), caller);
        });
    }

    #[test]
    fn a_panic_of_the_work_reaches_the_caller() {
        let caught =
            std::panic::catch_unwind(|| std::thread::scope(|s| ahead(s, || -> u8 { panic!("in the work") }).get()));
        assert!(caught.is_err());
    }
}
