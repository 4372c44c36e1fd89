import { WorkshopPage } from './board/WorkshopPage.tsx';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { LandingPage } from './landing/LandingPage.tsx';
import { useRoute } from './routing/useRoute.ts';

export function App() {
  const route = useRoute();
  return (
    <I18nProvider>
      {route.kind === 'workshop' ? (
        <WorkshopPage key={route.workshopId} workshopId={route.workshopId} token={route.token} />
      ) : (
        <LandingPage />
      )}
    </I18nProvider>
  );
}
