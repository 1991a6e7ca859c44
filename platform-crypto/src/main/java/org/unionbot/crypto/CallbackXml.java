package org.unionbot.crypto;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The flat {@code <xml>…</xml>} documents of WeChat and WeCom callbacks, read and written safely.
 *
 * <p>Reading: a streaming parser with DTDs and external entities switched off, and any DOCTYPE refused
 * outright, so an XXE or "billion laughs" payload fails before anything is expanded. The platforms never
 * send a DOCTYPE. Every leaf element's text is collected under its name (several values for repeated
 * elements such as a vote card's {@code OptionId}s).
 *
 * <p>Writing: CDATA sections with {@code ]]>} split, as the passive-reply format needs.
 */
public final class CallbackXml {
    private static final XMLInputFactory FACTORY = hardenedFactory();
    /** Deeper than any platform document; stops pathological nesting. */
    private static final int MAX_DEPTH = 8;

    private final Map<String, List<String>> values;

    private CallbackXml(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Parses a callback document; throws {@link CallbackCryptoException} for anything unsafe or malformed. */
    public static CallbackXml parse(String xml) throws CallbackCryptoException {
        if (xml == null || xml.isBlank()) {
            throw new CallbackCryptoException("empty XML body");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new StringReader(xml));
            List<String> path = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            boolean leaf = false;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE,
                         XMLStreamConstants.ENTITY_DECLARATION, XMLStreamConstants.NOTATION_DECLARATION ->
                            throw new CallbackCryptoException("DTDs and entities are not accepted");
                    case XMLStreamConstants.START_ELEMENT -> {
                        path.add(reader.getLocalName());
                        if (path.size() > MAX_DEPTH) {
                            throw new CallbackCryptoException("XML nested too deeply");
                        }
                        text.setLength(0);
                        leaf = true;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                            text.append(reader.getText());
                    case XMLStreamConstants.END_ELEMENT -> {
                        String name = path.remove(path.size() - 1);
                        if (leaf && !path.isEmpty()) {
                            values.computeIfAbsent(name, k -> new ArrayList<>(1)).add(text.toString());
                        }
                        leaf = false;
                        text.setLength(0);
                    }
                    default -> {
                        // comments and processing instructions carry nothing
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new CallbackCryptoException("malformed XML", e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing was held open beyond the string
                }
            }
        }
        return new CallbackXml(values);
    }

    /** The first value of a leaf element, stripped; empty when absent or blank. */
    public Optional<String> get(String name) {
        List<String> found = values.get(name);
        if (found == null || found.isEmpty() || found.get(0).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(found.get(0).strip());
    }

    /** The first value as it was sent (message contents keep their spaces), or null. */
    public String raw(String name) {
        List<String> found = values.get(name);
        return found == null || found.isEmpty() ? null : found.get(0);
    }

    /** Every value of a repeated leaf element, in document order. */
    public List<String> all(String name) {
        return List.copyOf(values.getOrDefault(name, List.of()));
    }

    /** {@code <![CDATA[text]]>} with any {@code ]]>} inside split so that it cannot close the section. */
    public static String cdata(String text) {
        return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    private static XMLInputFactory hardenedFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    private static void trySet(XMLInputFactory factory, String property, Object value) {
        try {
            factory.setProperty(property, value);
        } catch (IllegalArgumentException unsupported) {
            // an implementation without the property resolves nothing external anyway (SUPPORT_DTD=false)
        }
    }
}
