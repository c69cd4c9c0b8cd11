import { describe, expect, it } from 'vitest';
import { readExpirySettings } from './expiry-settings.ts';

const SLACK = 'https://hooks.slack.com/services/T000/B000/XXXXsecret';

describe('readExpirySettings', () => {
  it('is off without ALERT_WEBHOOK_URL and checks hourly by default', () => {
    expect(readExpirySettings({})).toEqual({
      webhookUrl: undefined,
      intervalMs: 3_600_000,
      publicOrigin: undefined,
    });
  });

  it('takes an https webhook, an interval and the first public origin for the link', () => {
    const settings = readExpirySettings({
      ALERT_WEBHOOK_URL: SLACK,
      EXPIRY_CHECK_INTERVAL_MS: '600000',
      PUBLIC_ORIGIN: 'https://keys.example.com, https://keys.internal:8443',
    });
    expect(settings.webhookUrl?.href).toBe(SLACK);
    expect(settings.intervalMs).toBe(600_000);
    expect(settings.publicOrigin).toBe('https://keys.example.com');
  });

  it('takes plain http on loopback only, for a local receiver', () => {
    const local = readExpirySettings({ ALERT_WEBHOOK_URL: 'http://127.0.0.1:9000/hook' });
    expect(local.webhookUrl?.host).toBe('127.0.0.1:9000');
    expect(() =>
      readExpirySettings({ ALERT_WEBHOOK_URL: 'http://hooks.example.com/services/XXXXsecret' }),
    ).toThrow(
      'ALERT_WEBHOOK_URL must use https:// (http:// only on loopback), got http://hooks.example.com',
    );
  });

  it('never repeats the webhook path, its credential, in a start error', () => {
    for (const value of ['ftp://hooks.example.com/XXXXsecret', 'not a url XXXXsecret']) {
      let message = '';
      try {
        readExpirySettings({ ALERT_WEBHOOK_URL: value });
      } catch (error) {
        message = String(error);
      }
      expect(message).toContain('ALERT_WEBHOOK_URL');
      expect(message).not.toContain('XXXXsecret');
    }
  });

  it('names the variable of a bad interval or origin', () => {
    expect(() => readExpirySettings({ EXPIRY_CHECK_INTERVAL_MS: '60' })).toThrow(
      'EXPIRY_CHECK_INTERVAL_MS must be a whole number of milliseconds from 60000 to 86400000, got "60"',
    );
    expect(() => readExpirySettings({ PUBLIC_ORIGIN: 'https://keys.example.com/app' })).toThrow(
      'PUBLIC_ORIGIN',
    );
  });
});
