"""Counting an upload's files while Django parses it, so that one too many gets a reason, not a bare 400.

Django refuses a request with more than ``DATA_UPLOAD_MAX_NUMBER_FILES`` files by raising before
any view runs. The import page sets that one above ``IMPORT_MAX_FILES`` and puts this handler
first: at the file past the limit it stops reading the upload (the form's fields, sent before the
files, are kept) and the page says how many files it takes.
"""
from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload


class FileCountLimit(FileUploadHandler):
    def __init__(self, request=None):
        super().__init__(request)
        self.limit = settings.IMPORT_MAX_FILES
        self.count = 0
        self.exceeded = False

    def new_file(self, *args, **kwargs):
        self.count += 1
        if self.count > self.limit:
            self.exceeded = True
            raise StopUpload(connection_reset=False)

    def receive_data_chunk(self, raw_data, start):
        return raw_data  # the next handlers store the file

    def file_complete(self, file_size):
        return None
