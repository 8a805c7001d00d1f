import * as client from 'openid-client';

/**
 * OpenID Connect (authorization code + PKCE) through openid-client. Each identity provider is
 * bound to one organisation; the binding is enforced by the caller after the code exchange.
 */
export interface ProviderRecord {
  id: string;
  issuer: string;
  client_id: string;
  client_secret: string;
}

const cache = new Map<string, Promise<client.Configuration>>();

function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

export function providerConfig(p: ProviderRecord): Promise<client.Configuration> {
  const key = `${p.id}|${p.issuer}|${p.client_id}`;
  let c = cache.get(key);
  if (!c) {
    const issuer = new URL(p.issuer);
    // Plain HTTP is accepted only for a provider on this machine (development and tests).
    const options =
      issuer.protocol === 'http:' && isLoopback(issuer)
        ? { execute: [client.allowInsecureRequests] }
        : undefined;
    c = client.discovery(issuer, p.client_id, p.client_secret, undefined, options);
    c.catch(() => cache.delete(key));
    cache.set(key, c);
  }
  return c;
}

export async function startAuthorization(p: ProviderRecord, redirectUri: string) {
  const config = await providerConfig(p);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url, state, nonce, codeVerifier };
}

export async function finishAuthorization(
  p: ProviderRecord,
  currentUrl: URL,
  expected: { state: string; nonce: string; codeVerifier: string },
): Promise<{ sub: string; email: string | null; emailVerified: boolean | null }> {
  const config = await providerConfig(p);
  const tokens = await client.authorizationCodeGrant(config, currentUrl, {
    pkceCodeVerifier: expected.codeVerifier,
    expectedState: expected.state,
    expectedNonce: expected.nonce,
  });
  const claims = tokens.claims();
  if (!claims?.sub) throw new Error('The identity provider returned no subject.');
  // Many providers put profile claims in the UserInfo response only, not in the ID token.
  const info =
    typeof claims.email === 'string'
      ? claims
      : await client.fetchUserInfo(config, tokens.access_token, claims.sub);
  return {
    sub: claims.sub,
    email: typeof info.email === 'string' ? info.email : null,
    emailVerified: typeof info.email_verified === 'boolean' ? info.email_verified : null,
  };
}
