import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { registerServiceWorker } from './field/register-sw';
import { I18nProvider } from './i18n/I18nProvider';
import { startTheme } from './theme/theme';
import './styles/theme.css';
import './styles/app.css';

// Light or dark before anything is drawn.
startTheme();

// The field app (/field: offline agenda, check-in) is its own lazy chunk with its own session handling.
const FieldApp = lazy(() => import('./field/FieldApp'));
const isField = location.pathname === '/field' || location.pathname.startsWith('/field/');
registerServiceWorker();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      {isField ? (
        <Suspense fallback={<div className="page-status" role="status" aria-busy="true" />}>
          <FieldApp />
        </Suspense>
      ) : (
        <App />
      )}
    </I18nProvider>
  </StrictMode>,
);
