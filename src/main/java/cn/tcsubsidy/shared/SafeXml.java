package cn.tcsubsidy.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/** The one way uploaded XML (rule tables) is read: namespace-aware, no DOCTYPE, no entities, no XInclude. */
public final class SafeXml {

    private SafeXml() {
    }

    /** The document; {@link SAXException} when it is not well-formed XML or declares a DOCTYPE. */
    public static Document parse(byte[] bytes) throws SAXException, IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(bytes == null ? new byte[0] : bytes));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no secure XML parser", e);
        }
    }
}
