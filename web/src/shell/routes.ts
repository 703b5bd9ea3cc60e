/**
 * The pages of the web app. A new page is one entry here and one lazily loaded component: the
 * shell draws its link in the navigation, its name in the window title, and routes to it.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { MessageId } from '../i18n/t';
import type { Session } from '../types';
import type { IconName } from '../ui/Icon';

export interface PageProps {
  session: Session;
  onSessionExpired: () => void;
}

export interface PageRoute {
  /** A wouter pattern ("/resources", "/admin/users/:id"). */
  path: string;
  /** The page's name in the navigation and the window title. */
  titleId: MessageId;
  icon: IconName;
  component: LazyExoticComponent<ComponentType<PageProps>>;
  /** Listed in the navigation rail (default true). */
  inNav?: boolean;
  /** Roles that may open it; everyone when absent. */
  roles?: readonly string[];
}

export const ROUTES: readonly PageRoute[] = [
  { path: '/', titleId: 'nav.calendar', icon: 'calendar', component: lazy(() => import('../components/CalendarPage')) },
  { path: '/modules', titleId: 'nav.modules', icon: 'records', component: lazy(() => import('../components/ModulesPage')) },
  { path: '/resources', titleId: 'nav.resources', icon: 'resources', component: lazy(() => import('../components/ResourcesPage')) },
];

export const allowed = (route: PageRoute, role: string) => !route.roles || route.roles.includes(role);
