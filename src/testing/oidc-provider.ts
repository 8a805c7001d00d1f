import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID Connect provider (the `oidc-provider` package) on 127.0.0.1 for tests. The
 * interaction step signs in whichever account the test set with `nextAccount` and grants
 * consent at once, so a test can drive the whole authorization-code + PKCE flow.
 */
export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  nextAccount(account: { sub: string; email: string | null; emailVerified?: boolean }): void;
  close(): Promise<void>;
}

export async function startOidcProvider(opts: {
  redirectUris: () => string[];
  clientId?: string;
}): Promise<TestOidcProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = opts.clientId ?? `eucab-${port}`;
  const clientSecret = `secret-${port}-for-tests-only`;
  let account: { sub: string; email: string | null; emailVerified?: boolean } = {
    sub: 'nobody',
    email: null,
  };
  const accounts = new Map<string, typeof account>();

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: opts.redirectUris(),
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    scopes: ['openid', 'email', 'profile'],
    features: { devInteractions: { enabled: false } },
    cookies: { keys: [`cookie-key-${port}`] },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx, sub) => {
      const a = accounts.get(sub);
      if (!a) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          ...(a.email ? { email: a.email, email_verified: a.emailVerified ?? true } : {}),
        }),
      };
    },
  });

  const callback = provider.callback();
  server.on('request', async (req, res) => {
    const m = /^\/interaction\/([^/?]+)/.exec(req.url ?? '');
    if (!m) return callback(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      accounts.set(account.sub, account);
      const grant = new provider.Grant({
        accountId: account.sub,
        clientId: String(details.params.client_id),
      });
      grant.addOIDCScope('openid email profile');
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: account.sub }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
    } catch (err) {
      res.statusCode = 500;
      res.end(String(err));
    }
  });

  return {
    issuer,
    clientId,
    clientSecret,
    nextAccount(a) {
      account = a;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
