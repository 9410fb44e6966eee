import { useEffect } from 'react';

const APP_NAME = 'LiftPlan';

/** Sets the tab title to "<page> · LiftPlan", so screen-reader users and tab lists can tell pages apart. */
export function useDocumentTitle(pageTitle: string): void {
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} · ${APP_NAME}` : APP_NAME;
  }, [pageTitle]);
}
