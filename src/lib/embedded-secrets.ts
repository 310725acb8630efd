// Embedded mode only: secrets are generated once into DATA_DIR so a plain `npm start` works and
// tokens and ciphertexts survive restarts. Production passes them from the environment instead.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface EmbeddedSecrets {
  jwtSecret: string;
  encryptionKeys: string;
}

export interface StoredSecrets extends EmbeddedSecrets {
  /** True when this call wrote the file; false when it read one an earlier start wrote. */
  created: boolean;
}

const FILE_NAME = 'secrets.json';

export function ensureEmbeddedSecrets(dataDir: string): StoredSecrets {
  const file = path.join(dataDir, FILE_NAME);
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<EmbeddedSecrets>;
    if (typeof stored.jwtSecret !== 'string' || typeof stored.encryptionKeys !== 'string') {
      throw new Error(`${file} is damaged: it must hold jwtSecret and encryptionKeys`);
    }
    return { jwtSecret: stored.jwtSecret, encryptionKeys: stored.encryptionKeys, created: false };
  }
  mkdirSync(dataDir, { recursive: true });
  const secrets: EmbeddedSecrets = {
    jwtSecret: randomBytes(32).toString('base64'),
    encryptionKeys: `k1:${randomBytes(32).toString('base64')}`,
  };
  // 'wx' fails if another process created the file in the meantime instead of overwriting its keys.
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { ...secrets, created: true };
}
