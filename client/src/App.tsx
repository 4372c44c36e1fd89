import { lazy, Suspense } from 'react';
import { WorkshopSkeleton } from './board/WorkshopSkeleton.tsx';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { LandingPage } from './landing/LandingPage.tsx';
import { useRoute } from './routing/useRoute.ts';

// The board (Konva, Yjs, the editor) is its own chunk: the landing page does
// not load it. The service worker precaches it for offline reloads.
const AccessibilityPage = lazy(() =>
  import('./accessibility/AccessibilityPage.tsx').then((m) => ({ default: m.AccessibilityPage })),
);
const WorkshopPage = lazy(() =>
  import('./board/WorkshopPage.tsx').then((m) => ({ default: m.WorkshopPage })),
);

export function App() {
  const route = useRoute();
  return (
    <I18nProvider>
      {route.kind === 'workshop' ? (
        <Suspense fallback={<WorkshopSkeleton workshopId={route.workshopId} />}>
          <WorkshopPage key={route.workshopId} workshopId={route.workshopId} token={route.token} />
        </Suspense>
      ) : route.kind === 'accessibility' ? (
        <Suspense fallback={<div className="page-loading" aria-busy="true" />}>
          <AccessibilityPage />
        </Suspense>
      ) : (
        <LandingPage />
      )}
    </I18nProvider>
  );
}
