import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { registerServiceWorker } from './field/register-sw';
import './styles/app.css';

// The field app (/field: offline agenda, check-in) is its own lazy chunk with its own session handling.
const FieldApp = lazy(() => import('./field/FieldApp'));
const isField = location.pathname === '/field' || location.pathname.startsWith('/field/');
registerServiceWorker();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    {isField ? (
      <Suspense fallback={<p className="page-status" role="status">Loading Kalendaryo…</p>}>
        <FieldApp />
      </Suspense>
    ) : (
      <App />
    )}
  </StrictMode>,
);
