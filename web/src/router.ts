import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router';
import { hasRole, type Actor } from '../../functions/core/actor';
import type { Role } from '../../functions/core/roles';
import { services } from './services';
import { useSessionStore } from './stores/session';

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean;
    /** Only these roles work on this screen (the API refuses the others anyway: never let them fill a form to get a 403). */
    roles?: Role[];
    /** Only in the local stack. */
    local?: boolean;
  }
}

const coordinators: Role[] = ['coordinator'];

/** Whether the signed-in user may open a screen: the router guards with it and the navigation shows only such links. */
export const mayOpen = (actor: Actor | null, route: Pick<RouteLocationNormalized, 'meta'>): boolean =>
  (!route.meta.local || services().config.devOutbox === true) && (!route.meta.roles || (actor !== null && hasRole(actor, ...route.meta.roles)));

export const createAppRouter = () => {
  const router = createRouter({
    history: createWebHistory(),
    routes: [
      { path: '/', name: 'home', component: () => import('./views/HomeView.vue') },
      { path: '/organisations', name: 'organisations', component: () => import('./views/OrganisationsView.vue'), meta: { roles: ['admin', 'coordinator'] } },
      { path: '/organisations/:orgId', name: 'organisation', component: () => import('./views/OrganisationView.vue'), props: true },
      { path: '/memoranda', name: 'memoranda', component: () => import('./views/MemorandaView.vue') },
      { path: '/memoranda/new', name: 'memorandum-new', component: () => import('./views/MemorandumEditorView.vue'), meta: { roles: coordinators } },
      { path: '/memoranda/:memorandumId', name: 'memorandum', component: () => import('./views/MemorandumView.vue'), props: true },
      { path: '/memoranda/:memorandumId/edit', name: 'memorandum-edit', component: () => import('./views/MemorandumEditorView.vue'), props: true, meta: { roles: coordinators } },
      { path: '/memoranda/:memorandumId/amendments/:amendment/edit', name: 'amendment-edit', component: () => import('./views/MemorandumEditorView.vue'), props: true, meta: { roles: coordinators } },
      { path: '/memoranda/:memorandumId/reports/:reportId', name: 'report', component: () => import('./views/ReportView.vue'), props: true, meta: { roles: ['coordinator', 'council'] } },
      { path: '/programmes', name: 'programmes', component: () => import('./views/ProgrammesView.vue'), meta: { roles: ['coordinator', 'funder'] } },
      { path: '/programmes/new', name: 'programme-new', component: () => import('./views/ProgrammeEditorView.vue'), meta: { roles: coordinators } },
      { path: '/programmes/:programmeId', name: 'programme', component: () => import('./views/ProgrammeView.vue'), props: true, meta: { roles: ['coordinator', 'funder'] } },
      { path: '/programmes/:programmeId/edit', name: 'programme-edit', component: () => import('./views/ProgrammeEditorView.vue'), props: true, meta: { roles: coordinators } },
      { path: '/reviews', name: 'reviews', component: () => import('./views/ReviewsView.vue'), meta: { roles: coordinators } },
      { path: '/commitments', name: 'commitments', component: () => import('./views/CommitmentsView.vue'), meta: { roles: ['coordinator', 'council'] } },
      { path: '/account/second-factor', name: 'second-factor', component: () => import('./views/SecondFactorView.vue') },
      { path: '/sync', name: 'sync', component: () => import('./views/SyncView.vue') },
      { path: '/dev/outbox', name: 'dev-outbox', component: () => import('./views/DevOutboxView.vue'), meta: { local: true } },
      { path: '/auth/callback', name: 'auth-callback', component: () => import('./views/AuthCallbackView.vue'), meta: { public: true } },
      { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue') },
    ],
  });

  // Every screen but the sign-in callback needs a signed-in user and their profile.
  router.beforeEach(async (to) => {
    if (to.meta.public) return true;
    const { auth } = services();
    const signedIn = await auth.isSignedIn();
    // Offline, whoever signed in on this device works on with what it keeps; sending waits for a live session.
    const offline = !signedIn && !navigator.onLine && auth.subject() !== undefined;
    if (!signedIn && !offline) {
      await auth.signIn(to.fullPath);
      return false;
    }
    // Someone who must have a second factor and has none yet holds a token for nothing but enrolling one.
    if (!offline && !(await auth.opensApi())) return to.name === 'second-factor' ? true : { name: 'second-factor', query: { returnTo: to.fullPath } };
    const session = useSessionStore();
    if (!session.me) {
      // The screen's code downloads while the profile loads (the router would fetch it only after this guard).
      for (const view of to.matched.flatMap((record) => Object.values(record.components ?? {}))) {
        if (typeof view === 'function') void (view as () => Promise<unknown>)().catch(() => undefined);
      }
      await session.load().catch(() => undefined);
    }
    // A screen the user's role does not work on reads as "not found" at the same address (as the API answers 403/404).
    if (session.me && !mayOpen(session.actor, to)) return { name: 'not-found', params: { pathMatch: to.path.slice(1).split('/') }, query: to.query, hash: to.hash };
    return true;
  });
  return router;
};
