#!/usr/bin/env python3
"""Derives the iWmo 3.2 retour schemas (WMO302/306/308/316/318/320/325) that are not public.

How (see README.md in protocol/src/main/resources/nl/regie/protocol/iwmo/xsd):
- 302/306/308/316/318/320 start from the OFFICIAL iWmo heenbericht schema (301/305/307/315/317/319)
  and apply exactly the transformation that turns an iJw 3.2 heenbericht schema into its retour
  schema (diff JW305.xsd JW306.xsd shows it): new namespace and prefix, the retour BerichtCode,
  the body of Root optional (minOccurs="0"), the four retour header elements plus an optional
  RetourCodes after XsdVersie, a RetourCodes type, and a mandatory RetourCodes at the end of
  every berichtklasse (every complexType except Root, Header and the list wrappers).
- 325 has no iWmo heenbericht counterpart with its structure; it is JW325.xsd renamed to iWmo
  (namespaces, prefixes, BerichtCode 485, XSD versions 1.0.0, Jeugdhulp -> Wmo wording). Its
  types are checked against WMO323.xsd and Master_overview_iWmo_XSD_schemas.md by
  DerivedSchemaTest.

Usage: derive_retour_xsds.py <iwmo-xsd-dir> <ijw-xsd-dir> <output-dir>
"""
import re
import sys
from pathlib import Path

PAIRS = {"301": ("302", "415"), "305": ("306", "419"), "307": ("308", "421"),
         "315": ("316", "445"), "317": ("318", "481"), "319": ("320", "483")}

RETOUR_HEADER = """\t\t\t<xs:element name="IdentificatieRetour" type="iwmo:LDT_IdentificatieBericht">
\t\t\t\t<xs:annotation>
\t\t\t\t\t<xs:documentation>Naam of nummer ter identificatie van een retourbericht.</xs:documentation>
\t\t\t\t</xs:annotation>
\t\t\t</xs:element>
\t\t\t<xs:element name="DagtekeningRetour" type="iwmo:LDT_Datum">
\t\t\t\t<xs:annotation>
\t\t\t\t\t<xs:documentation>Dagtekening van het retourbericht.</xs:documentation>
\t\t\t\t</xs:annotation>
\t\t\t</xs:element>
\t\t\t<xs:element name="XsltVersie" type="iwmo:LDT_Versie" minOccurs="0">
\t\t\t\t<xs:annotation>
\t\t\t\t\t<xs:documentation>Volgnummer van de formele uitgifte van een versie van de XSLT's die zijn ingezet voor de controle van het heenbericht.</xs:documentation>
\t\t\t\t</xs:annotation>
\t\t\t</xs:element>
\t\t\t<xs:element name="XsdVersieRetour" type="iwmo:CDT_XsdVersie">
\t\t\t\t<xs:annotation>
\t\t\t\t\t<xs:documentation>Volgnummer van de formele uitgifte van een versie van de XSD's die zijn ingezet voor het opstellen van het retourbericht.</xs:documentation>
\t\t\t\t</xs:annotation>
\t\t\t</xs:element>
\t\t\t<xs:element name="RetourCodes" type="{p}:RetourCodes" minOccurs="0"></xs:element>
\t\t</xs:sequence>
\t</xs:complexType>
\t<xs:complexType name="RetourCodes">
\t\t<xs:sequence>
\t\t\t<xs:element name="RetourCode" type="iwmo:LDT_RetourCode" maxOccurs="unbounded">
\t\t\t\t<xs:annotation>
\t\t\t\t\t<xs:documentation>Gecodeerde aanduiding in een retourbericht van het resultaat van de beoordeling van een (deel van het) ontvangen bericht.</xs:documentation>
\t\t\t\t</xs:annotation>
\t\t\t</xs:element>
"""

COMPLEX_TYPE = re.compile(r'(\t<xs:complexType name="(\w+)">.*?)(\t\t</xs:sequence>\n\t</xs:complexType>)', re.S)


def is_list_wrapper(body):
    elements = re.findall(r'<xs:element ', body)
    return len(elements) == 1 and 'maxOccurs="unbounded"' in body


def derive_from_heen(heen_text, heen, retour, code):
    p_heen, p = "wmo" + heen, "wmo" + retour
    text = heen_text.replace(p_heen, p)
    text, n = re.subn(r'<xs:pattern value="%s"/>' % {"301": "414", "305": "418", "307": "420", "315": "444",
                                                      "317": "480", "319": "482"}[heen],
                      '<xs:pattern value="%s"/>' % code, text)
    assert n == 1, "BerichtCode pattern not found"

    def per_type(m):
        head, name, tail = m.group(1), m.group(2), m.group(3)
        if name == "Root":
            head, n = re.subn(r'(<xs:element name="(?:Client|Antwoord)" type="%s:\w+")>' % p,
                              r'\1 minOccurs="0">', head)
            assert n == 1, "Root body not found"
            return head + tail
        if name == "Header":
            return head + RETOUR_HEADER.format(p=p) + tail
        if is_list_wrapper(head):
            return head + tail
        return head + '\t\t\t<xs:element name="RetourCodes" type="%s:RetourCodes"></xs:element>\n' % p + tail

    return COMPLEX_TYPE.sub(per_type, text)


def derive_325(jw325_text):
    text = jw325_text.replace("http://www.istandaarden.nl/ijw/3_2/", "http://www.istandaarden.nl/iwmo/3_2/")
    text = text.replace("jw325", "wmo325").replace("ijw:", "iwmo:").replace("xmlns:ijw=", "xmlns:iwmo=")
    text = text.replace("<iwmo:standaard>ijw</iwmo:standaard>", "<iwmo:standaard>iwmo</iwmo:standaard>")
    text = text.replace(">0.1.0<", ">1.0.0<")
    text, n = re.subn(r'<xs:pattern value="491"/>', '<xs:pattern value="485"/>', text)
    assert n == 1
    text = text.replace("declaratie Jeugdhulp.", "declaratie Wmo-hulp.")
    assert "ijw" not in text.lower().replace("wmo", ""), "iJw remnant"
    return text


def main(iwmo_dir, ijw_dir, out_dir):
    iwmo_dir, ijw_dir, out_dir = Path(iwmo_dir), Path(ijw_dir), Path(out_dir)
    for heen, (retour, code) in PAIRS.items():
        text = (iwmo_dir / ("WMO%s.xsd" % heen)).read_text(encoding="utf-8")
        (out_dir / ("WMO%s.xsd" % retour)).write_text(derive_from_heen(text, heen, retour, code), encoding="utf-8")
    text = (ijw_dir / "JW325.xsd").read_text(encoding="utf-8")
    (out_dir / "WMO325.xsd").write_text(derive_325(text), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:4])
