//! Memory for the weight table that the kernel is asked to back with 2 MiB pages.
//!
//! The tagger reads its weights at random, a row per feature: over a few MB of 4 KiB pages
//! nearly every read also misses the TLB, and under a hypervisor a TLB miss walks two sets of
//! page tables. Two huge pages cover the whole table. Where the kernel does not give huge pages
//! (or on other systems) this is an ordinary aligned allocation.

use std::alloc::{alloc_zeroed, dealloc, handle_alloc_error, Layout};
use std::ops::{Deref, DerefMut};
use std::ptr::NonNull;

const HUGE_PAGE: usize = 2 << 20;

/// A fixed-length slice of `T` in memory aligned to (and, where the kernel agrees, backed by)
/// huge pages. `T` must be plain data that is valid when all its bytes are zero.
pub(crate) struct HugeSlice<T: Zeroable> {
    ptr: NonNull<T>,
    len: usize,
    layout: Layout,
}

/// Types for which all-zero bytes are a valid value (integers and arrays of them).
///
/// # Safety
/// Implement only for such types.
pub(crate) unsafe trait Zeroable: Copy {}

impl<T: Zeroable> HugeSlice<T> {
    /// `len` zeroed values.
    pub(crate) fn zeroed(len: usize) -> HugeSlice<T> {
        let bytes = (len.max(1) * size_of::<T>()).next_multiple_of(HUGE_PAGE);
        let layout = Layout::from_size_align(bytes, HUGE_PAGE.max(align_of::<T>())).expect("a table of a few MB has a layout");
        // SAFETY: the layout has a non-zero size.
        let raw = unsafe { alloc_zeroed(layout) };
        let Some(ptr) = NonNull::new(raw.cast::<T>()) else { handle_alloc_error(layout) };
        #[cfg(target_os = "linux")]
        // SAFETY: the range is the allocation just made. The advice is only a hint: if the
        // kernel refuses it (no THP support), the table works the same on small pages.
        unsafe {
            libc::madvise(raw.cast(), bytes, libc::MADV_HUGEPAGE);
        }
        HugeSlice { ptr, len, layout }
    }
}

impl<T: Zeroable> Deref for HugeSlice<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        // SAFETY: `ptr` holds `len` initialised (zeroed, then written) values of `T`.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }
}

impl<T: Zeroable> DerefMut for HugeSlice<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        // SAFETY: as in `deref`, and `&mut self` makes the borrow unique.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
    }
}

impl<T: Zeroable> Clone for HugeSlice<T> {
    fn clone(&self) -> Self {
        let mut copy = HugeSlice::zeroed(self.len);
        copy.copy_from_slice(self);
        copy
    }
}

impl<T: Zeroable> Drop for HugeSlice<T> {
    fn drop(&mut self) {
        // SAFETY: allocated in `zeroed` with this layout.
        unsafe { dealloc(self.ptr.as_ptr().cast(), self.layout) }
    }
}

// SAFETY: the slice owns plain data, as a `Vec<T>` would.
unsafe impl<T: Zeroable + Send> Send for HugeSlice<T> {}
// SAFETY: shared access only reads.
unsafe impl<T: Zeroable + Sync> Sync for HugeSlice<T> {}

#[cfg(test)]
mod tests {
    use super::*;

    // SAFETY: an array of integers.
    unsafe impl Zeroable for [u16; 16] {}

    #[test]
    fn a_huge_slice_holds_what_is_written_and_clones_it() {
        let mut s: HugeSlice<[u16; 16]> = HugeSlice::zeroed(100_000);
        assert_eq!(s.len(), 100_000);
        assert!(s.iter().all(|r| *r == [0; 16]));
        s[99_999][15] = 7;
        s[0][0] = 3;
        let c = s.clone();
        drop(s);
        assert_eq!((c[0][0], c[99_999][15], c[500][3]), (3, 7, 0));
        assert_eq!(c.as_ptr() as usize % HUGE_PAGE, 0);
    }
}
