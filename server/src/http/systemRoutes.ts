// Liveness, metrics, the clock clients sync their timers to, and the
// operator's accessibility feedback contact.
import { type AccessibilityInfo, ApiRoute, type Health } from '@pinnwand/shared/protocol/http';
import { sendJson } from './respond.ts';
import type { Router } from './router.ts';

export function registerSystemRoutes(router: Router): void {
  router.get(ApiRoute.health, (ctx) => {
    const health: Health = { status: 'ok', ...ctx.services.stats() };
    sendJson(ctx.res, 200, health);
  });

  router.get(ApiRoute.accessibility, (ctx) => {
    const info: AccessibilityInfo = { contact: ctx.services.config.accessibilityContact };
    sendJson(ctx.res, 200, info);
  });

  router.get(ApiRoute.time, (ctx) => {
    sendJson(ctx.res, 200, { serverTime: Date.now() });
  });

  router.get(ApiRoute.metrics, async (ctx) => {
    const { registry } = ctx.services.metrics;
    const text = await registry.metrics();
    ctx.res.statusCode = 200;
    ctx.res.setHeader('Content-Type', registry.contentType);
    ctx.res.setHeader('Cache-Control', 'no-store');
    ctx.res.end(text);
  });
}
