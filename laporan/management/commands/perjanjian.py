"""python manage.py perjanjian --instansi SLUG --tahun N --out FILE   (.docx, .pdf or .html); --all as lkip."""

from laporan.management.commands.lkip import DokumenCommand


class Command(DokumenCommand):
    help = "Perjanjian Kinerja document of a unit for a year as DOCX, PDF or HTML; --all for every unit."
    jenis = "perjanjian"
    nama_file = "pk"
