import { ExtensionMetrics } from './extension-metrics.js';

describe(ExtensionMetrics.name, () => {
  it('counts and times each (specification, point, outcome) in its own series, however often it is seen', async () => {
    const metrics = new ExtensionMetrics();

    metrics.observe('uk', 'validate-consent-access', 'success', 0.002);
    metrics.observe('uk', 'validate-consent-access', 'success', 0.02);
    metrics.observe('uk', 'validate-consent-access', 'error', 0.0004);
    metrics.observe('berlin', 'validate-consent-access', 'success', 3);

    const text = await metrics.render();
    const line = (name: string): string | undefined => text.split('\n').find((row) => row.startsWith(name));
    expect(line('extension_requests_total{spec="uk",extension="validate-consent-access",outcome="success"}')).toMatch(
      / 2$/,
    );
    expect(line('extension_requests_total{spec="uk",extension="validate-consent-access",outcome="error"}')).toMatch(
      / 1$/,
    );
    expect(
      line('extension_requests_total{spec="berlin",extension="validate-consent-access",outcome="success"}'),
    ).toMatch(/ 1$/);
    expect(
      line(
        'extension_request_duration_seconds_bucket{le="0.005",spec="uk",extension="validate-consent-access",outcome="success"}',
      ),
    ).toMatch(/ 1$/);
    expect(
      line('extension_request_duration_seconds_sum{spec="uk",extension="validate-consent-access",outcome="success"}'),
    ).toMatch(/ 0\.022$/);
    expect(
      line(
        'extension_request_duration_seconds_count{spec="berlin",extension="validate-consent-access",outcome="success"}',
      ),
    ).toMatch(/ 1$/);
  });
});
