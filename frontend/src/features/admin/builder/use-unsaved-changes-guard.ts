import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';

/**
 * Keeps unsaved work from being lost by an accidental navigation, without a data router (`useBlocker` needs
 * one, and switching the app to createBrowserRouter would add ~16 KB gzip to every page's initial JavaScript):
 *
 * - closing the tab, reloading, typing another address: the browser's own "Leave site?" prompt (beforeunload);
 * - clicking any in-app link (main navigation, brand, admin tabs, links in the page): caught in the capture phase
 *   before React Router sees it, and turned into our confirmation (`pendingHref`);
 * - Back / Forward can't be cancelled by a declarative router: the builder's draft autosave (plan-draft-storage)
 *   covers that case, and any other way out (session expiry, a crash): the work is offered back on return.
 */
export function useUnsavedChangesGuard(isDirty: boolean) {
  const navigate = useNavigate();
  const [pendingHref, setPendingHref] = useState<string | null>(null);
  const allowNext = useRef(false);

  useEffect(() => {
    if (!isDirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      if (allowNext.current || event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return; // new tab / window: nothing is lost
      const anchor = (event.target as Element | null)?.closest?.('a[href]');
      if (!(anchor instanceof HTMLAnchorElement)) return;
      if (anchor.target && anchor.target !== '_self') return;
      if (anchor.hasAttribute('download')) return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin) return; // leaving the app: beforeunload asks
      const here = window.location;
      if (url.pathname === here.pathname && url.search === here.search) return; // same page (e.g. #main)
      event.preventDefault();
      event.stopPropagation(); // React Router's <Link> never sees the click
      setPendingHref(url.pathname + url.search + url.hash);
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [isDirty]);

  const confirmLeave = useCallback(() => {
    const href = pendingHref;
    setPendingHref(null);
    if (href === null) return;
    allowNext.current = true;
    navigate(href);
  }, [navigate, pendingHref]);

  const cancelLeave = useCallback(() => setPendingHref(null), []);

  return { pendingHref, confirmLeave, cancelLeave };
}
