import { createRouter, createWebHistory } from 'vue-router';
import { services } from './services';
import { useSessionStore } from './stores/session';

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean;
  }
}

export const createAppRouter = () => {
  const router = createRouter({
    history: createWebHistory(),
    routes: [
      { path: '/', name: 'home', component: () => import('./views/HomeView.vue') },
      { path: '/organisations', name: 'organisations', component: () => import('./views/OrganisationsView.vue') },
      { path: '/organisations/:orgId', name: 'organisation', component: () => import('./views/OrganisationView.vue'), props: true },
      { path: '/memoranda', name: 'memoranda', component: () => import('./views/MemorandaView.vue') },
      { path: '/memoranda/new', name: 'memorandum-new', component: () => import('./views/MemorandumEditorView.vue') },
      { path: '/memoranda/:memorandumId', name: 'memorandum', component: () => import('./views/MemorandumView.vue'), props: true },
      { path: '/memoranda/:memorandumId/edit', name: 'memorandum-edit', component: () => import('./views/MemorandumEditorView.vue'), props: true },
      { path: '/memoranda/:memorandumId/reports/:reportId', name: 'report', component: () => import('./views/ReportView.vue'), props: true },
      { path: '/programmes', name: 'programmes', component: () => import('./views/ProgrammesView.vue') },
      { path: '/programmes/new', name: 'programme-new', component: () => import('./views/ProgrammeEditorView.vue') },
      { path: '/programmes/:programmeId', name: 'programme', component: () => import('./views/ProgrammeView.vue'), props: true },
      { path: '/programmes/:programmeId/edit', name: 'programme-edit', component: () => import('./views/ProgrammeEditorView.vue'), props: true },
      { path: '/reviews', name: 'reviews', component: () => import('./views/ReviewsView.vue') },
      { path: '/commitments', name: 'commitments', component: () => import('./views/CommitmentsView.vue') },
      { path: '/dev/outbox', name: 'dev-outbox', component: () => import('./views/DevOutboxView.vue') },
      { path: '/auth/callback', name: 'auth-callback', component: () => import('./views/AuthCallbackView.vue'), meta: { public: true } },
      { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue') },
    ],
  });

  // Every screen but the sign-in callback needs a signed-in user and their profile.
  router.beforeEach(async (to) => {
    if (to.meta.public) return true;
    const { auth } = services();
    if (!(await auth.currentUser())) {
      await auth.signIn(to.fullPath);
      return false;
    }
    const session = useSessionStore();
    if (!session.me) await session.load().catch(() => undefined);
    return true;
  });
  return router;
};
