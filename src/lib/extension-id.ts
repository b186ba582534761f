/**
 * The extension's pinned identity.
 *
 * Chrome derives an unpacked extension's id from the manifest `key` (sha256 of the DER public key, first 32 hex
 * digits mapped 0-f → a-p). Pinning it lets tests, managed policy (`3rdparty.extensions.<id>`) and the docs name
 * the id. The Chrome Web Store rejects a `key` in uploaded packages, so release zips (HAVEN_RELEASE=1) leave it out
 * and the store assigns its own id. Firefox uses the gecko id in every build.
 */
export const DEV_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAv7UKDgHMQf9X/TIUpqDE3N7bxuk6QPCzzWw510oChvO/jUMMgsc6Z9d7OI8vYXbublGB079IiG3uA5e9swDYxJV/R+qPF9mXpGJUCQe13QLeQNUKTyIrcphUH5dr6Rf/A6Xi4rNK+UGbTEUp0YS/qm/85XKclKDXzEclpSzGGlzLtkZZj4YCzZ2PLWr0u/NMI1zhefvxmCTVzppgUcWkEq+5wwXfCQajKMbio+2c7qV0CQiwSiM5WMUeuJx9useA0VLe4aYhvO7Cp7RTLtENgdoVcDPvrLyLZ36Z2ljc9FBCx86cs/fvYDAn45VMRX0TgLT/FxhIu7G/Zko3zfrhbwIDAQAB';

/** Chrome id of development and test builds, derived from DEV_PUBLIC_KEY (checked by a unit test). */
export const DEV_CHROME_ID = 'jiganmagkmjeiljjbjninefbfnahombh';

/** Firefox add-on id, the same in every build. */
export const GECKO_ID = 'haven@haven-extension.org';
