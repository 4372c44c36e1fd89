/**
 * A small router: method + path pattern → handler. Patterns use `:name` for a
 * path segment (or part of one: `/api/workshops/:id/export.:format`). A path
 * that matches with another method answers 405.
 *
 * Adding routes (e.g. exports) takes a file with one function:
 *
 *   export function registerExportRoutes(router: Router): void {
 *     router.get('/api/workshops/:id/export.:format', async (ctx) => {
 *       const { role } = await ctx.services.authorize(ctx, ctx.params.id!);
 *       const md = await ctx.services.rooms.withDoc(ctx.params.id!, (doc) => toMarkdown(doc));
 *       ctx.res.setHeader('Content-Type', 'text/markdown; charset=utf-8');
 *       ctx.res.end(md);
 *     });
 *   }
 *
 * and one line in app.ts: `registerExportRoutes(router)`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { ServerServices } from './services.ts';

export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Decoded `:name` parameters of the pattern. */
  params: Record<string, string>;
  services: ServerServices;
  /** Logger with this request's id. */
  log: Logger;
}

export type RouteHandler = (ctx: RouteContext) => void | Promise<void>;

interface Route {
  method: Method;
  pattern: RegExp;
  names: string[];
  handler: RouteHandler;
}

function compile(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path
    .split(/(:[A-Za-z_][A-Za-z0-9_]*)/)
    .map((part) => {
      if (part.startsWith(':')) {
        names.push(part.slice(1));
        return '([^/]+?)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`), names };
}

export type MatchResult =
  | { kind: 'found'; handler: RouteHandler; params: Record<string, string> }
  | { kind: 'wrong-method'; allowed: Method[] }
  | { kind: 'none' };

export class Router {
  private readonly routes: Route[] = [];

  add(method: Method, path: string, handler: RouteHandler): this {
    this.routes.push({ method, ...compile(path), handler });
    return this;
  }

  get(path: string, handler: RouteHandler): this {
    return this.add('GET', path, handler);
  }

  post(path: string, handler: RouteHandler): this {
    return this.add('POST', path, handler);
  }

  match(method: string, pathname: string): MatchResult {
    const allowed: Method[] = [];
    for (const route of this.routes) {
      const m = route.pattern.exec(pathname);
      if (!m) continue;
      const routeMethod = route.method;
      if (routeMethod === method || (method === 'HEAD' && routeMethod === 'GET')) {
        const params: Record<string, string> = {};
        try {
          route.names.forEach((name, i) => {
            params[name] = decodeURIComponent(m[i + 1]!);
          });
        } catch {
          continue;
        }
        return { kind: 'found', handler: route.handler, params };
      }
      allowed.push(routeMethod);
    }
    return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'none' };
  }
}
