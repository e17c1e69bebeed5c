/** The exoscape web app: a header with the pages, and hash routing (#/atlas, #/atlas/<relation id>). */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { AtlasPage } from './atlas/AtlasPage.tsx';
import './styles.css';

interface Route {
  page: 'atlas';
  relationId?: string;
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter((p) => p !== '').map(decodeURIComponent);
  if (parts[0] === 'atlas' && parts[1] !== undefined) return { page: 'atlas', relationId: parts[1] };
  return { page: 'atlas' };
}

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const on = (): void => { setRoute(parseRoute(location.hash)); };
    window.addEventListener('hashchange', on);
    return () => { window.removeEventListener('hashchange', on); };
  }, []);
  return route;
}

const PAGES: [Route['page'], string, string][] = [['atlas', '#/atlas', 'Atlas']];

const isCurrent = (route: Route, page: string): boolean => route.page === page;

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
            <a key={page} href={href} aria-current={isCurrent(route, page) ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <AtlasPage {...(route.relationId !== undefined ? { relationId: route.relationId } : {})} />
      </main>
    </>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
