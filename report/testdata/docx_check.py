"""Reads and edits a Word report as its readers do, for report/docx_test.go.

    python3 docx_check.py REPORT.docx PROFILE OUTDIR SENTENCE

1. python-docx opens the report and lists its headings, document properties, tables whose
   first row repeats on every page, and pictures.
2. LibreOffice (headless, through UNO, with the private profile PROFILE) opens it, updates
   its indexes (the contents field) and reads the contents back, then types SENTENCE as a
   new paragraph after the executive summary's verdict and saves the document as Word in
   OUTDIR.
3. LibreOffice opens the saved file again, and python-docx reads it too.

Prints one JSON object with what each step found; report/docx_test.go judges it.
"""

import json
import os
import subprocess
import sys
import time

import docx
import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK


def read_with_python_docx(path):
    d = docx.Document(path)
    cp = d.core_properties
    repeated = 0
    for table in d.tables:
        tr_pr = table.rows[0]._tr.trPr if table.rows else None
        if tr_pr is not None and tr_pr.find(docx.oxml.ns.qn("w:tblHeader")) is not None:
            repeated += 1
    return {
        "headings": [p.text for p in d.paragraphs if p.style.name == "Heading 1"],
        "subheadings": sum(1 for p in d.paragraphs if p.style.name == "Heading 2"),
        "paragraphs": [p.text for p in d.paragraphs],
        "core": {
            "title": cp.title,
            "subject": cp.subject,
            "author": cp.author,
            "keywords": cp.keywords,
            "created": cp.created.isoformat() if cp.created else "",
            "status": cp.content_status,
        },
        "repeated_headers": repeated,
        "tables": len(d.tables),
        "pictures": len(d.inline_shapes),
    }


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 90
    while True:
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except NoConnectException:
            if time.time() > deadline:
                raise
            time.sleep(0.2)  # LibreOffice is still starting


def edit_in_libreoffice(path, profile, work, sentence):
    pipe = "aimsbench%d" % os.getpid()
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", "--nologo",
                               "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
                               "--accept=pipe,name=%s;urp;" % pipe],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out = {}
    try:
        ctx = connect(pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        hidden = (prop("Hidden", True),)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, hidden)
        indexes = doc.getDocumentIndexes()
        out["indexes"] = indexes.getCount()
        for i in range(indexes.getCount()):
            indexes.getByIndex(i).update()
        out["contents"] = indexes.getByIndex(0).getAnchor().getString().splitlines() if indexes.getCount() else []
        # Type the sentence as a paragraph of its own after the first paragraph that holds
        # the verdict's explanation ("As of …"), as a consultant adding their own words would.
        text = doc.getText()
        paragraphs = text.createEnumeration()
        anchor = None
        while paragraphs.hasMoreElements():
            p = paragraphs.nextElement()
            if p.supportsService("com.sun.star.text.Paragraph") and p.getString().startswith("As of "):
                anchor = p
                break
        cursor = text.createTextCursorByRange(anchor.getEnd() if anchor else text.getEnd())
        text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
        text.insertString(cursor, sentence, False)
        saved = os.path.join(work, "edited.docx")
        doc.storeToURL(uno.systemPathToFileUrl(saved), (prop("FilterName", "MS Word 2007 XML"),))
        doc.close(True)
        again = desktop.loadComponentFromURL(uno.systemPathToFileUrl(saved), "_blank", 0, hidden)
        out["reopened_has_sentence"] = sentence in again.getText().getString()
        again.close(True)
        out["saved"] = saved
        try:
            desktop.terminate()
        except Exception:  # the bridge closes as LibreOffice quits
            pass
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
    return out


def main():
    path, profile, work, sentence = sys.argv[1:5]
    result = {"original": read_with_python_docx(path)}
    result["libreoffice"] = edit_in_libreoffice(path, profile, work, sentence)
    result["edited"] = read_with_python_docx(result["libreoffice"]["saved"])
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
