package dev.singletable.engine.fidelity;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The rich item the expression scenarios evaluate against, and the placeholder values and names they may use
 * (see {@link Placeholders}): one of every type, nested maps and lists, sets, empty values, a dotted and a reserved name.
 */
final class Catalogue {

    private Catalogue() {}

    /** The rich item, keyed by pk. */
    static Map<String, AttributeValue> richItem(String pk) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(Json.item("""
                {'n':{'N':'5'},'s':{'S':'abc'},'b':{'B':'AQID'},'t':{'BOOL':true},'z':{'NULL':true},
                 'l':{'L':[{'N':'1'},{'S':'two'},{'M':{'a':{'N':'1'}}},{'L':[{'N':'7'},{'N':'8'}]}]},
                 'm':{'M':{'a':{'N':'1'},'b':{'M':{'c':{'S':'x'}}},'list':{'L':[{'N':'1'},{'N':'2'}]},'s':{'SS':['q']}}},
                 'ss':{'SS':['a','b']},'ns':{'NS':['1','2','3']},'bs':{'BS':['AQ==','Ag==']},'empty':{'S':''},
                 'zero':{'N':'0'},'neg':{'N':'-1.5'},'a.b':{'S':'dotted'},'name':{'S':'reserved'},
                 'el':{'L':[]},'em':{'M':{}},'eb':{'B':''}}"""));
        item.put("pk", AttributeValue.fromS(pk));
        return item;
    }

    static final Map<String, AttributeValue> VALUES = Map.ofEntries(
            Map.entry(":one", n("1")),
            Map.entry(":two", n("2")),
            Map.entry(":three", n("3")),
            Map.entry(":four", n("4")),
            Map.entry(":five", n("5")),
            Map.entry(":fivef", n("5.000")),
            Map.entry(":six", n("6")),
            Map.entry(":zero", n("0")),
            Map.entry(":neg", n("-1.5")),
            Map.entry(":big", n("9.9999999999999999999999999999999999999E+125")),
            Map.entry(":tiny", n("1E-130")),
            Map.entry(":frac", n("0.1")),
            Map.entry(":e20", n("1E+20")),
            Map.entry(":abc", s("abc")),
            Map.entry(":ab", s("ab")),
            Map.entry(":abd", s("abd")),
            Map.entry(":a", s("a")),
            Map.entry(":b", s("b")),
            Map.entry(":c", s("c")),
            Map.entry(":x", s("x")),
            Map.entry(":z", s("z")),
            Map.entry(":empty", s("")),
            Map.entry(":twoS", s("two")),
            Map.entry(":q", s("q")),
            Map.entry(":bin", Json.av("{'B':'AQID'}")),
            Map.entry(":binp", Json.av("{'B':'AQ=='}")),
            Map.entry(":bin2", Json.av("{'B':'Ag=='}")),
            Map.entry(":ebin", Json.av("{'B':''}")),
            Map.entry(":true", Json.av("{'BOOL':true}")),
            Map.entry(":false", Json.av("{'BOOL':false}")),
            Map.entry(":null", Json.av("{'NULL':true}")),
            Map.entry(
                    ":list",
                    Json.av("{'L':[{'N':'1'},{'S':'two'},{'M':{'a':{'N':'1'}}},{'L':[{'N':'7'},{'N':'8'}]}]}")),
            Map.entry(":list2", Json.av("{'L':[{'S':'x'},{'S':'y'}]}")),
            Map.entry(":elist", Json.av("{'L':[]}")),
            Map.entry(
                    ":map",
                    Json.av("{'M':{'a':{'N':'1'},'b':{'M':{'c':{'S':'x'}}},'list':{'L':[{'N':'1'},{'N':'2'}]},"
                            + "'s':{'SS':['q']}}}")),
            Map.entry(":map2", Json.av("{'M':{'k':{'S':'v'}}}")),
            Map.entry(":emap", Json.av("{'M':{}}")),
            Map.entry(":ss", Json.av("{'SS':['a','b']}")),
            Map.entry(":ssba", Json.av("{'SS':['b','a']}")),
            Map.entry(":ssa", Json.av("{'SS':['a']}")),
            Map.entry(":ssc", Json.av("{'SS':['c','d']}")),
            Map.entry(":ns", Json.av("{'NS':['1','2','3']}")),
            Map.entry(":ns1", Json.av("{'NS':['1']}")),
            Map.entry(":ns9", Json.av("{'NS':['9','10']}")),
            Map.entry(":bs1", Json.av("{'BS':['AQ==']}")),
            Map.entry(":bs9", Json.av("{'BS':['CQ==']}")),
            Map.entry(":N", s("N")),
            Map.entry(":S", s("S")),
            Map.entry(":B", s("B")),
            Map.entry(":SS", s("SS")),
            Map.entry(":NS", s("NS")),
            Map.entry(":BS", s("BS")),
            Map.entry(":M", s("M")),
            Map.entry(":L", s("L")),
            Map.entry(":NULL", s("NULL")),
            Map.entry(":BOOL", s("BOOL")),
            Map.entry(":XX", s("XX")),
            Map.entry(":lower", s("s")));

    static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("#n", "n"),
            Map.entry("#s", "s"),
            Map.entry("#m", "m"),
            Map.entry("#l", "l"),
            Map.entry("#a", "a"),
            Map.entry("#name", "name"),
            Map.entry("#dot", "a.b"),
            Map.entry("#missing", "missing"),
            Map.entry("#status", "status"),
            Map.entry("#pk", "pk"),
            Map.entry("#ss", "ss"),
            Map.entry("#b", "b"),
            Map.entry("#list", "list"),
            Map.entry("#c", "c"));

    private static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }
}
