import { Suspense, useEffect, useMemo, useState } from 'react';
import { Link, Route, Switch, useLocation } from 'wouter';
import { useMediaQuery } from '../hooks/useMediaQuery';
import { useT } from '../i18n/t';
import type { Session } from '../types';
import { Drawer } from '../ui/Drawer';
import { Icon } from '../ui/Icon';
import { HelpDialog } from './HelpDialog';
import { allowed, ROUTES, type PageRoute } from './routes';
import { SlotsProvider, useSlotTargets } from './slots';
import { UserMenu } from './UserMenu';
import '../styles/shell.css';

interface Props {
  session: Session;
  onSignOut: () => void;
  onSessionExpired: () => void;
}

export const NARROW = '(max-width: 640px)';

/** A thin bar under the top bar while a page's code or data is on its way. */
export function Progress() {
  const t = useT();
  return <div className="progress" role="progressbar" aria-label={t('common.loading')} />;
}

function NotFound() {
  const t = useT();
  return (
    <div className="page">
      <h1>{t('shell.notFound')}</h1>
      <p><Link href="/">{t('shell.backToCalendar')}</Link></p>
    </div>
  );
}

/**
 * One header and one navigation for every page (docs/web.md "How to build a screen here"): the top
 * bar (menu, name, the page's controls, its tools, help, the user menu), the navigation rail
 * (inline on desktop, a drawer on phones), and the page the route table picks below them.
 */
export default function Shell({ session, onSignOut, onSessionExpired }: Props) {
  const t = useT();
  const narrow = useMediaQuery(NARROW);
  const [path] = useLocation();
  const [railOpen, setRailOpen] = useState(true);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const routes = useMemo(() => ROUTES.filter((r) => allowed(r, session.user.role)), [session.user.role]);
  const current = routes.find((r) => r.path === path);
  const { refs, value } = useSlotTargets(useMemo(() => ({ narrow, openHelp: () => setHelpOpen(true) }), [narrow]));

  useEffect(() => { setDrawerOpen(false); }, [path]);
  useEffect(() => {
    document.title = current ? t('shell.windowTitle', { page: t(current.titleId) }) : 'Kalendaryo';
  }, [current, t]);

  const toggleMenu = () => (narrow ? setDrawerOpen(true) : setRailOpen((open) => !open));
  const nav = (
    <>
      <div className="rail__create" ref={narrow ? undefined : refs.create} />
      <nav className="rail__nav" aria-label={t('shell.pages')}>
        <ul>
          {routes.filter((r) => r.inNav !== false).map((r: PageRoute) => (
            <li key={r.path}>
              <Link href={r.path} aria-current={r === current ? 'page' : undefined}><Icon name={r.icon} />{t(r.titleId)}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="rail__page" ref={refs.rail} />
    </>
  );

  return (
    <SlotsProvider value={value}>
      <div className={`shell ${railOpen && !narrow ? 'shell--rail' : ''}`}>
        <a className="skip-link" href="#main">{t('shell.skipToContent')}</a>
        <header className="topbar">
          <button type="button" className="icon-button" aria-label={t('shell.menu')} aria-expanded={narrow ? drawerOpen : railOpen} aria-controls="rail" onClick={toggleMenu}>
            <Icon name="menu" />
          </button>
          <Link href="/" className="topbar__brand">{t('app.name')}</Link>
          <div className="topbar__page" ref={refs.bar} />
          <div className="topbar__tools" ref={refs.tools} />
          {narrow && <div className="topbar__create" ref={refs.create} />}
          {!narrow && (
            <button type="button" className="icon-button" aria-label={t('shell.help')} aria-keyshortcuts="?" onClick={() => setHelpOpen(true)}><Icon name="help" /></button>
          )}
          <UserMenu user={session.user} onSignOut={onSignOut} />
        </header>
        <div className="shell__body">
          {narrow
            ? <Drawer id="rail" isOpen={drawerOpen} onClose={() => setDrawerOpen(false)} label={t('shell.navigation')}>{nav}</Drawer>
            : railOpen && <aside id="rail" className="rail" aria-label={t('shell.navigation')}>{nav}</aside>}
          <main id="main" className="shell__main" tabIndex={-1}>
            <Suspense fallback={<Progress />}>
              <Switch>
                {routes.map((r) => (
                  <Route key={r.path} path={r.path}>
                    <r.component session={session} onSessionExpired={onSessionExpired} />
                  </Route>
                ))}
                <Route><NotFound /></Route>
              </Switch>
            </Suspense>
          </main>
        </div>
        {helpOpen && <HelpDialog onClose={() => setHelpOpen(false)} />}
      </div>
    </SlotsProvider>
  );
}
