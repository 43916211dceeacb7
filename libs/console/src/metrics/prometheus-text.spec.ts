import { parsePrometheusText } from './prometheus-text.js';

describe('Prometheus text', () => {
  it('reads the samples with their labels and skips comments', () => {
    const text = [
      '# HELP extension_requests_total Extension calls.',
      '# TYPE extension_requests_total counter',
      'extension_requests_total{spec="uk",extension="persist-authorized-consent",outcome="success"} 3',
      'extension_request_duration_seconds_bucket{le="+Inf",spec="uk",extension="x",outcome="error"} 2',
      'process_cpu_seconds_total 0.25',
      'label_with_quote{text="a \\"b\\""} 1',
      'broken line',
    ].join('\n');
    expect(parsePrometheusText(text)).toEqual([
      {
        name: 'extension_requests_total',
        labels: { spec: 'uk', extension: 'persist-authorized-consent', outcome: 'success' },
        value: 3,
      },
      {
        name: 'extension_request_duration_seconds_bucket',
        labels: { le: '+Inf', spec: 'uk', extension: 'x', outcome: 'error' },
        value: 2,
      },
      { name: 'process_cpu_seconds_total', labels: {}, value: 0.25 },
      { name: 'label_with_quote', labels: { text: 'a "b"' }, value: 1 },
    ]);
  });
});
