/**
 * The demo's stand-in for a site's login: it signs the short-lived HS256 tokens a site would hand
 * `<lede-comments>` (claims `sub`, `name`, `roles`), for the playground's "Sign in as…" switcher,
 * and gives the demo's comment server the same secret to check them with. The secret is in the
 * code: for the demo on loopback only, never for a real site.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SignJWT } from 'jose';

export const DEMO_SSO = {
  secret: 'lede-demo-sso-secret-for-the-playground-only-0123456789',
  issuer: 'https://demo.lede.example',
  audience: 'lede-demo',
};

/** Who the switcher signs in as: a reader, a journalist, a moderator. */
export const demoPeople = {
  reader: { sub: 'demo-reader', name: 'Rania Reader', roles: [] },
  journalist: { sub: 'demo-journalist', name: 'Jamal Journalist', roles: ['journalist'] },
  moderator: { sub: 'demo-moderator', name: 'Mona Moderator', roles: ['moderator'] },
} as const;

/** A token for one of `demoPeople`, valid for ten minutes. */
export function signDemoToken(who: keyof typeof demoPeople): Promise<string> {
  const { sub, name, roles } = demoPeople[who];
  return new SignJWT({ name, roles: [...roles] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(DEMO_SSO.issuer)
    .setAudience(DEMO_SSO.audience)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(DEMO_SSO.secret));
}

interface DevServer {
  middlewares: { use(path: string, handler: (req: IncomingMessage, res: ServerResponse) => void): void };
}

/**
 * `GET /demo-sso/token?as=reader|journalist|moderator` answers `{ token }`. Its `config` hook runs
 * before the comment server starts, so the server is configured with the demo's secret, issuer and
 * audience (unless the environment already names others).
 */
export function demoSigner(): { name: string; apply: 'serve'; config(): void; configureServer(server: DevServer): void } {
  return {
    name: 'lede-demo-signer',
    apply: 'serve',
    config() {
      process.env.LEDE_SSO_SECRET ??= DEMO_SSO.secret;
      process.env.LEDE_SSO_ISSUER ??= DEMO_SSO.issuer;
      process.env.LEDE_SSO_AUDIENCE ??= DEMO_SSO.audience;
    },
    configureServer(server) {
      server.middlewares.use('/demo-sso/token', (req, res) => {
        const who = new URL(req.url ?? '', 'http://demo').searchParams.get('as') ?? '';
        if (!Object.hasOwn(demoPeople, who)) {
          res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'unknown person' }));
          return;
        }
        void signDemoToken(who as keyof typeof demoPeople).then((token) => {
          res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify({ token }));
        });
      });
    },
  };
}
