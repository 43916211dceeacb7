import { topLevelRequestId } from './top-level-request-id.js';

describe(topLevelRequestId.name, () => {
  it('finds the requestId of the outermost object, wherever it sits among its members', () => {
    expect(topLevelRequestId('{"requestId":"abc-123","data":{"x": }')).toBe('abc-123');
    expect(topLevelRequestId('{ "data" : {"a":[1,{"b":"}"}]} , "requestId" : "late-1", ')).toBe('late-1');
  });

  it('never takes one nested inside data, or inside a string', () => {
    expect(topLevelRequestId('{"data":{"requestId":"inner"},"x":')).toBeUndefined();
    expect(topLevelRequestId('[{"requestId":"in-array"}]')).toBeUndefined();
    expect(topLevelRequestId('{"note":"\\"requestId\\":\\"fake\\"","requestId":"real"')).toBe('real');
    expect(topLevelRequestId(`${'{"n":'.repeat(100_000)}{"requestId":"deep"}`)).toBeUndefined();
  });

  it('gives up on values it would have to decode or that are not usable ids', () => {
    expect(topLevelRequestId('{"requestId":"a\\u0062c"}')).toBeUndefined();
    expect(topLevelRequestId('{"requestId":""}')).toBeUndefined();
    expect(topLevelRequestId(`{"requestId":"${'x'.repeat(129)}"}`)).toBeUndefined();
    expect(topLevelRequestId('{"requestId":42}')).toBeUndefined();
    expect(topLevelRequestId('{"requestId":"unterminated')).toBeUndefined();
  });
});
