"""DOCX → PDF with every index (Daftar Isi / Tabel / Gambar) updated first.

Run by laporan.keluaran under the SYSTEM python3 (Debian's python3-uno), not the venv:
    /usr/bin/python3 laporan/skrip/uno_pdf.py SOFFICE IN.docx OUT.pdf PROFILE_DIR
Starts its own headless LibreOffice with its own user profile and a private pipe, so several
conversions can run in parallel. No Django imports. It lives in its own folder because the
folder of a script comes first on ``sys.path``: next to ``laporan/selectors.py`` the standard
library's ``selectors`` (imported by ``subprocess``) would be shadowed.
"""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path


def main(soffice: str, src: str, out: str, profil: str) -> int:
    import uno
    from com.sun.star.beans import PropertyValue

    def prop(name, value):
        p = PropertyValue()
        p.Name, p.Value = name, value
        return p

    pipe = f"sakip{uuid.uuid4().hex}"
    proc = subprocess.Popen(
        [
            soffice,
            f"-env:UserInstallation={Path(profil).as_uri()}",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            "--nolockcheck",
            f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(600):  # up to 60 s for the first start (profile creation)
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:  # noqa: BLE001 - NoConnectException until soffice listens
                if proc.poll() is not None:
                    print("soffice exited early", file=sys.stderr)
                    return 2
                time.sleep(0.1)
        if ctx is None:
            print("cannot connect to soffice", file=sys.stderr)
            return 2
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(Path(src).resolve().as_uri(), "_blank", 0, (prop("Hidden", True),))
        try:
            doc.refresh() if hasattr(doc, "refresh") else None
            idx = doc.getDocumentIndexes()
            for _ in range(2):  # twice: the lists themselves may move the pages after them
                for i in range(idx.getCount()):
                    idx.getByIndex(i).update()
            doc.storeToURL(Path(out).resolve().as_uri(), (prop("FilterName", "writer_pdf_Export"),))
        finally:
            doc.close(True)
        try:
            desktop.terminate()
        except Exception:  # noqa: BLE001 - the bridge dies with the process
            pass
    finally:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
    return 0 if os.path.exists(out) else 3


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
