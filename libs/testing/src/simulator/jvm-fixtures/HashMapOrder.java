// Prints, for each list of keys inserted into a java.util.HashMap, the order the map iterates them in.
// Regenerate the fixture: javac HashMapOrder.java && java HashMapOrder > hash-map-orders.json
import java.util.*;
public class HashMapOrder {
  public static void main(String[] args) {
    String[][] cases = {
      {"requestId","data"},
      {"Data","Risk"},
      {"consentInitiationData","consentResourcePath","requestHeaders"},
      {"Permissions","ExpirationDateTime","TransactionFromDateTime","TransactionToDateTime"},
      {"InstructionIdentification","EndToEndIdentification","LocalInstrument","InstructedAmount","DebtorAccount","CreditorAccount","CreditorPostalAddress","RemittanceInformation","SupplementaryData"},
      {"a","b","c","d","e","f","g","h","i","j","k","l","m","n","o","p","q","r","s","t","u","v","w","x","y","z"},
      {"id","clientId","type","status","receipt","createdTime","updatedTime","consentFrequency","validityTime","recurringIndicator","attributes","authorizations","fileContent"},
      {"BB","Aa"},
      {"Aa","BB","é","€uro","日本","", "x-wso2-client-id","X-Request-ID","PSU-ID"}
    };
    StringBuilder out = new StringBuilder("[\n");
    for (int c = 0; c < cases.length; c++) {
      HashMap<String,Object> map = new HashMap<>();
      for (String k : cases[c]) map.put(k, 1);
      out.append("  {\"inserted\": ").append(json(Arrays.asList(cases[c]))).append(", \"iterated\": ").append(json(new ArrayList<>(map.keySet()))).append("}");
      out.append(c + 1 < cases.length ? ",\n" : "\n");
    }
    out.append("]\n");
    System.out.print(out);
  }
  static String json(List<String> keys) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < keys.size(); i++) {
      if (i > 0) b.append(", ");
      b.append('"');
      for (char ch : keys.get(i).toCharArray()) {
        if (ch < 0x20 || ch > 0x7e) b.append(String.format("\\u%04x", (int) ch)); else if (ch == '"' || ch == '\\') b.append('\\').append(ch); else b.append(ch);
      }
      b.append('"');
    }
    return b.append("]").toString();
  }
}
