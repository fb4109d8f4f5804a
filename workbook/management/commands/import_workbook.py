import sys

from django.core.management.base import BaseCommand, CommandError

from workbook.importer import import_workbook, ringkas


class Command(BaseCommand):
    help = "Validate and load a workbook (.xlsx). On any error nothing is saved and the command exits 1."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="validate and count, save nothing")
        parser.add_argument(
            "--pengguna",
            help="username recorded in the audit trail as who imported (default: 'command line', no user)",
        )
        parser.add_argument(
            "--urutan-unsur",
            help="the file's unsur order: the unsur its SKM columns u1, u2 … hold, e.g. 1,2,3,4,5,6,7,9,8 "
            "(its u8 is unsur 9); headers that name the unsur are read by name (docs/workbook.md)",
        )

    def handle(self, *args, **opts):
        pengguna = None
        if opts["pengguna"]:
            from django.contrib.auth import get_user_model

            try:
                pengguna = get_user_model().objects.get(username=opts["pengguna"])
            except get_user_model().DoesNotExist:
                raise CommandError(f'unknown user "{opts["pengguna"]}"') from None
        urutan = None
        if opts["urutan_unsur"]:
            try:
                urutan = tuple(int(x) for x in opts["urutan_unsur"].replace(" ", "").split(","))
            except ValueError:
                raise CommandError(
                    f'--urutan-unsur must be unsur numbers separated by commas, got "{opts["urutan_unsur"]}"'
                ) from None
        hasil = import_workbook(
            opts["file"],
            dry_run=opts["dry_run"],
            oleh=pengguna.username if pengguna else "command line",
            pengguna=pengguna,
            urutan_unsur=urutan,
        )
        if not hasil.ok:
            for e in hasil.errors:
                self.stderr.write(e)
            self.stderr.write(f"{len(hasil.errors)} problem(s); nothing was saved.")
            sys.exit(1)
        for line in ringkas(hasil):
            self.stdout.write(line)
        self.stdout.write("dry run: nothing was saved." if opts["dry_run"] else "saved.")
