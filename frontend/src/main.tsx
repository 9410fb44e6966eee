import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { watchPreloadErrors } from './app/pwa/chunk-recovery';
import { registerServiceWorker } from './app/pwa/service-worker';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

watchPreloadErrors();
registerServiceWorker();
