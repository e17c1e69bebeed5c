/** The exoscape web app: a header with the pages, and hash routing (#/atlas/<relation id>, #/simulate/<run id>, #/experiments/<id>). */
import { render } from 'preact';
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { AtlasPage } from './atlas/AtlasPage.tsx';
import './styles.css';

type Route = { page: 'atlas'; relationId?: string } | { page: 'simulate'; runId?: string } | { page: 'experiments'; experimentId?: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter((p) => p !== '').map(decodeURIComponent);
  if (parts[0] === 'simulate') return parts[1] !== undefined ? { page: 'simulate', runId: parts[1] } : { page: 'simulate' };
  if (parts[0] === 'experiments') return parts[1] !== undefined ? { page: 'experiments', experimentId: parts[1] } : { page: 'experiments' };
  if (parts[0] === 'atlas' && parts[1] !== undefined) return { page: 'atlas', relationId: parts[1] };
  return { page: 'atlas' };
}

/** A page whose module loads on first visit (deck.gl, uPlot and vega-embed are only needed on theirs). */
function LazyPage<P extends object>({ load, props, loading }: { load: () => Promise<ComponentType<P>>; props: P; loading: string }) {
  const [Page, setPage] = useState<ComponentType<P> | null>(null);
  useEffect(() => {
    let live = true;
    void load().then((page) => {
      if (live) setPage(() => page);
    });
    return () => { live = false; };
  }, [load]);
  return Page ? <Page {...props} /> : <p class="muted pad">{loading}</p>;
}

const loadSim = () => import('./sim/SimPage.tsx').then((m) => m.SimPage);
const loadExperiments = () => import('./experiments/ExperimentsPage.tsx').then((m) => m.ExperimentsPage);

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const on = (): void => { setRoute(parseRoute(location.hash)); };
    window.addEventListener('hashchange', on);
    return () => { window.removeEventListener('hashchange', on); };
  }, []);
  return route;
}

const PAGES: [Route['page'], string, string][] = [
  ['atlas', '#/atlas', 'Atlas'],
  ['simulate', '#/simulate', 'Simulation'],
  ['experiments', '#/experiments', 'Experiments'],
];

function App() {
  const route = useRoute();
  return (
    <>
      <a
        class="skip"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header class="top">
        <span class="brand">exoscape</span>
        <span class="tagline">exosome communication in the hypoxic tumor microenvironment</span>
        <nav aria-label="Pages">
          {PAGES.map(([page, href, label]) => (
            <a key={page} href={href} aria-current={route.page === page ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {route.page === 'atlas' && <AtlasPage {...(route.relationId !== undefined ? { relationId: route.relationId } : {})} />}
        {route.page === 'simulate' && <LazyPage load={loadSim} props={route.runId !== undefined ? { runId: route.runId } : {}} loading="Loading the simulator…" />}
        {route.page === 'experiments' && <LazyPage load={loadExperiments} props={route.experimentId !== undefined ? { experimentId: route.experimentId } : {}} loading="Loading the experiments…" />}
      </main>
    </>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
